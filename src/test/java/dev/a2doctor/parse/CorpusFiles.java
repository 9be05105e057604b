package dev.a2doctor.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The regression inputs of a fuzz target, as Jazzer keeps them beside its test class. */
public final class CorpusFiles {

  private CorpusFiles() {}

  /** Every file under {@code <Class>Inputs/} next to {@code fuzzTest}, in name order. */
  public static List<Path> of(Class<?> fuzzTest) {
    URL url = fuzzTest.getResource(fuzzTest.getSimpleName() + "Inputs");
    if (url == null) {
      throw new AssertionError("no corpus for " + fuzzTest.getName());
    }
    try (Stream<Path> s = Files.walk(Path.of(url.toURI()))) {
      List<Path> files = s.filter(Files::isRegularFile).sorted().toList();
      if (files.isEmpty()) {
        throw new AssertionError("empty corpus for " + fuzzTest.getName());
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
