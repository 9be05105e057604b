package dev.a2doctor.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.a2doctor.report.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryIndexForbiddenTest {

  @TempDir Path tmp;

  /** The AH01276 line mod_autoindex writes for {@code dir} (format of samples/dir-index). */
  static String line(Object dir) {
    return "[Wed Nov 25 03:50:13.993809 2026] [autoindex:error] [pid 18963:tid 18972] [client"
        + " 127.0.0.1:57886] AH01276: Cannot serve directory " + dir + "/: No matching"
        + " DirectoryIndex (index.html,index.htm) found, and server-generated directory index"
        + " forbidden by Options directive";
  }

  /** The site's directory as the server (and its log) names it. */
  static final String SITE = "/srv/site";
  /** The site's directory on this machine: below the --root the server tree is read from. */
  private Path site;

  private ServerTree tree(String... siteConf) throws Exception {
    // AH01276 names the directory as the server sees it; with --root it is looked up below root
    ServerTree t = new ServerTree(tmp.resolve("server"));
    site = Files.createDirectories(t.root.resolve(SITE.substring(1)));
    t.write("/etc/apache2/apache2.conf", "<Directory />", "\tOptions FollowSymLinks",
        "\tAllowOverride None", "</Directory>", "IncludeOptional mods-enabled/*.conf",
        "IncludeOptional sites-enabled/*.conf");
    t.write("/etc/apache2/mods-enabled/dir.conf", "DirectoryIndex index.html index.htm");
    t.write("/etc/apache2/sites-enabled/site.conf", siteConf);
    return t;
  }

  @Test
  void aStartPageUnderAnotherNameIsAddedToTheDirectoryIndex() throws Exception {
    ServerTree t = tree("<Directory " + SITE + ">", "\tOptions None",
        "</Directory>");
    Files.writeString(site.resolve("home.html"), "hi");
    Files.writeString(site.resolve("notes.txt"), "x");
    Finding f = t.diagnose("directory-index-forbidden-by-options", line(SITE));
    assertThat(f.enrichment().variant()).contains("index-named-otherwise");
    Enrichment.Edit e = f.enrichment().edit().orElseThrow();
    assertThat(e.file()).endsWith("mods-enabled/dir.conf");
    assertThat(e.after()).isEqualTo("DirectoryIndex index.html index.htm home.html");
    // the server's path, not where --root put its copy
    assertThat(f.enrichment().evidence("en")).anySatisfy(
        s -> assertThat(s).contains("/srv/site/home.html")).noneSatisfy(
        s -> assertThat(s).contains(site.toString()));
  }

  @Test
  void aDirectoryIndexInTheVhostWinsOverTheServerWideOne() throws Exception {
    ServerTree t = tree("<VirtualHost *:80>", "\tDocumentRoot " + SITE,
        "\tDirectoryIndex index.html", "</VirtualHost>");
    Files.writeString(site.resolve("index.php"), "<?php");
    Finding f = t.diagnose("directory-index-forbidden-by-options", line(SITE));
    Enrichment.Edit e = f.enrichment().edit().orElseThrow();
    assertThat(e.file()).endsWith("sites-enabled/site.conf");
    assertThat(e.after()).isEqualTo("\tDirectoryIndex index.html index.php");
  }

  @Test
  void anIgnoredHtaccessGetsItsAllowOverride() throws Exception {
    ServerTree t = tree("<Directory " + SITE + ">", "\tAllowOverride None",
        "</Directory>");
    Files.writeString(site.resolve(".htaccess"), "DirectoryIndex home.html\n");
    Files.writeString(site.resolve("home.html"), "hi");
    Finding f = t.diagnose("directory-index-forbidden-by-options", line(SITE));
    assertThat(f.enrichment().variant()).contains("htaccess-ignored");
    assertThat(f.enrichment().edit().orElseThrow().after()).isEqualTo("\tAllowOverride Indexes");
  }

  @Test
  void anEmptyDirectoryWithItsOwnOptionsGetsIndexes() throws Exception {
    ServerTree t = tree("<Directory " + SITE + ">", "\tOptions -Indexes",
        "</Directory>");
    Finding f = t.diagnose("directory-index-forbidden-by-options", line(SITE));
    assertThat(f.enrichment().variant()).contains("no-index-file");
    assertThat(f.enrichment().edit().orElseThrow().after()).isEqualTo("\tOptions +Indexes");
  }

  @Test
  void anEmptyDirectoryUnderASharedOptionsLineIsNotOpenedWholesale() throws Exception {
    ServerTree t = tree();
    Finding f = t.diagnose("directory-index-forbidden-by-options", line(SITE));
    assertThat(f.enrichment().variant()).contains("no-index-file");
    assertThat(f.enrichment().edit()).isEmpty();
    assertThat(f.fix("en")).contains("<Directory " + SITE + "> Options +Indexes </Directory>");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Options -Indexes|Options +Indexes",
      "Options +FollowSymLinks|Options +FollowSymLinks +Indexes",
      "Options None|Options Indexes",
      "Options FollowSymLinks|Options FollowSymLinks Indexes",
      "Options All|Options All"})
  void optionsGetIndexesKeepingTheRuleOnPlusAndMinus(String before, String after) {
    assertThat(DirectoryIndexForbidden.withIndexes(before)).isEqualTo(after);
  }
}
