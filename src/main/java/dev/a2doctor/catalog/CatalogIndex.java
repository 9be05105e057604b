package dev.a2doctor.catalog;

import dev.a2doctor.cache.ByteCursor;
import dev.a2doctor.cache.OwnJar;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

/**
 * The built-in catalog in a compact binary form, written at build time next to the YAML files
 * ({@value #RESOURCE}) so that a start-up reads it without YAML: {@code a2doctor explain} has
 * to answer in well under a second, and binding 200+ YAML files with Jackson took most of that.
 * The entries are exactly those {@link CatalogLoader} reads (a test compares them); the index
 * carries a fingerprint of the YAML files it was made from, and a directory whose files differ
 * (an edited installed catalog, a stale build) is read from YAML instead. An index is written
 * only for a catalog without problems, so problems are always reported by the YAML loader.
 */
public final class CatalogIndex {

  /** Where the index lives on the class path, beside {@link CatalogLoader#BUILTIN}. */
  public static final String RESOURCE = "a2doctor/catalog.idx";

  private static final String MAGIC = "a2doctor-catalog-index-2";

  private CatalogIndex() {}

  /**
   * The built-in catalog from the index on the class path; empty when there is none or it does
   * not fit the YAML files beside it (they are checked when they are plain files, not in a jar,
   * which is built with its index in one go).
   */
  public static Optional<Catalog> builtin() {
    try {
      // straight from the jar this class was loaded from (the class loader's look-up makes a
      // URL, finds its handler and opens a connection: 3 ms of a cold start); null when it was
      // loaded from a build's class directory
      byte[] own = OwnJar.read(RESOURCE);
      if (own != null) {
        return read(own, null, new SourceNames(null));
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    // one look-up on the class path: each costs a URL and its handler on a cold start
    URL index = CatalogIndex.class.getClassLoader().getResource(RESOURCE);
    if (index == null) {
      return Optional.empty();
    }
    Long expected = null;
    if ("file".equals(index.getProtocol())) {
      try {
        Path yaml = Path.of(index.toURI()).resolveSibling("patterns");
        if (!Files.isDirectory(yaml)) {
          return Optional.empty();
        }
        expected = fingerprint(yaml);
      } catch (URISyntaxException | IOException | IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    try (InputStream in = index.openStream()) {
      return read(in, expected, new SourceNames(null));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The catalog in {@code dir} (an installed copy of the built-in one) from the index on the
   * class path, when the files in {@code dir} are exactly those it was made from.
   */
  public static Optional<Catalog> builtinFor(Path dir) {
    long actual;
    try {
      actual = fingerprint(dir);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    try (InputStream in = CatalogIndex.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      // the same file names CatalogLoader.load(List.of(dir)) gives its entries
      return in == null ? Optional.empty()
          : read(in, actual, new SourceNames(dir));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * As {@link #builtinFor(Path)}, trusting a note in {@code cacheDir} ({@link IndexStamp}) that
   * the files in {@code dir} were checked and have not changed since, instead of reading them
   * all; after a check from their contents, the note is written. A null {@code cacheDir} checks
   * the contents every time.
   */
  public static Optional<Catalog> builtinFor(Path dir, Path cacheDir) {
    if (cacheDir == null) {
      return builtinFor(dir);
    }
    byte[] index;
    try {
      index = OwnJar.readOrResource(RESOURCE);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (index == null) {
      return Optional.empty();
    }
    long fingerprint;
    try {
      ByteCursor head = new ByteCursor(index);
      if (!MAGIC.equals(head.readUTF())) {
        return Optional.empty();
      }
      fingerprint = head.readLong();
    } catch (IOException e) {
      return Optional.empty();
    }
    IndexStamp stamp = new IndexStamp(cacheDir, dir);
    boolean noted = stamp.holds(fingerprint);
    if (!noted) {
      long started = System.currentTimeMillis();
      try {
        if (fingerprint(dir) != fingerprint) {
          return Optional.empty();
        }
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
      stamp.note(fingerprint, started);
    }
    try {
      return read(index, null, new SourceNames(dir));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes the index of the catalog directory {@code dir}; false (and nothing written) on
   * problems. The build runs it through {@code CatalogIndexWriter} (test sources: the main code
   * writes no files).
   */
  public static boolean write(Path dir, OutputStream out, List<CatalogProblem> problems)
      throws IOException {
    Catalog c = new CatalogLoader().load(List.of(dir));
    problems.addAll(c.problems());
    if (!c.problems().isEmpty()) {
      return false;
    }
    DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out));
    d.writeUTF(MAGIC);
    d.writeLong(fingerprint(dir));
    List<Entry> entries = c.entries();
    // everything after the fingerprint is checked against this when the index is opened, so
    // that entries decoded later (lazily) are those written
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    writeContents(new DataOutputStream(rest), entries, dir);
    CRC32 crc = new CRC32();
    crc.update(rest.toByteArray());
    d.writeLong(crc.getValue());
    rest.writeTo(d);
    d.flush();
    return true;
  }

  /**
   * The table of contents (each entry's id, what makes a line a candidate for it, and the
   * lengths of its bytes), then each entry's bytes deflated on their own: one entry is inflated
   * without the others, and the jar's own compression of the index has little left to inflate
   * (inflating the whole 715 KB index took about 8 ms of a 150 ms explain).
   */
  private static void writeContents(DataOutputStream d, List<Entry> entries, Path dir)
      throws IOException {
    d.writeInt(entries.size());
    List<byte[]> bodies = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      String rel = dir.relativize(Path.of(e.source())).toString().replace('\\', '/');
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      DataOutputStream b = new DataOutputStream(raw);
      writeEntry(b, e, rel);
      b.flush();
      ByteArrayOutputStream packed = new ByteArrayOutputStream();
      Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
      try (DeflaterOutputStream z = new DeflaterOutputStream(packed, deflater)) {
        raw.writeTo(z);
      } finally {
        deflater.end();
      }
      bodies.add(packed.toByteArray());
      str(d, e.id());
      strings(d, e.match().tags());
      str(d, e.match().literal());
      d.writeBoolean(e.match().fallback());
      d.writeInt(raw.size());
      d.writeInt(packed.size());
    }
    for (byte[] body : bodies) {
      d.write(body);
    }
    d.flush();
  }

  /** CRC-32 over the sorted relative names and contents of every {@code *.yaml} below dir. */
  static long fingerprint(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.getFileName() != null
              && p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
          .sorted((a, b) -> a.toString().compareTo(b.toString()))
          .toList();
    }
    CRC32 crc = new CRC32();
    for (Path f : files) {
      byte[] name = dir.relativize(f).toString().replace('\\', '/')
          .getBytes(StandardCharsets.UTF_8);
      byte[] body = Files.readAllBytes(f);
      crc.update(name);
      crc.update(0);
      crc.update(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
      crc.update(0);
      crc.update(body);
    }
    return crc.getValue() ^ ((long) files.size() << 32);
  }

  static Optional<Catalog> read(InputStream raw, Long expected,
      Function<String, String> source) throws IOException {
    return read(raw.readAllBytes(), expected, source);
  }

  /**
   * The catalog of an index: its table of contents is read and the whole checked now, each
   * entry is inflated and decoded when first asked for ({@link IndexedEntries}).
   */
  private static Optional<Catalog> read(byte[] index, Long expected,
      Function<String, String> source) throws IOException {
    ByteCursor d = new ByteCursor(index);
    if (!MAGIC.equals(d.readUTF())) {
      return Optional.empty();
    }
    long fingerprint = d.readLong();
    if (expected != null && expected != fingerprint) {
      return Optional.empty();
    }
    long checksum = d.readLong();
    CRC32 crc = new CRC32();
    crc.update(index, d.position(), index.length - d.position());
    if (crc.getValue() != checksum) {
      return Optional.empty();
    }
    int n = d.readInt();
    if (n < 0 || n > index.length) {
      throw new EOFException("catalog index: " + n + " entries");
    }
    String[] ids = new String[n];
    List<List<String>> tags = new ArrayList<>(n);
    String[] literals = new String[n];
    boolean[] fallback = new boolean[n];
    int[] sizes = new int[n];
    int[] packed = new int[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      ids[i] = str(d);
      tags.add(strings(d));
      literals[i] = str(d);
      fallback[i] = d.readBoolean();
      sizes[i] = d.readInt();
      packed[i] = d.readInt();
      if (ids[i] == null || sizes[i] < 0 || packed[i] < 0
          || (i > 0 && ids[i - 1].compareTo(ids[i]) >= 0)) {
        throw new EOFException("catalog index: table of contents broken at entry " + i);
      }
      total += packed[i];
    }
    if (total != index.length - d.position()) {
      throw new EOFException("catalog index: " + total + " bytes of entries, "
          + (index.length - d.position()) + " there");
    }
    int[] offsets = new int[n];
    for (int i = 0, at = d.position(); i < n; at += packed[i], i++) {
      offsets[i] = at;
    }
    // one inflater for all the entries (diagnose decodes them all), freed with the catalog
    Inflater inflater = new Inflater();
    return Optional.of(new Catalog(new IndexedEntries(ids, tags, literals, fallback,
        new Decoder(index, offsets, packed, sizes, inflater, source))));
  }

  /*
   * The two functions below are named classes, not lambdas: explain reads the index on its
   * start, where the first lambda would start java.lang.invoke (ExplainStartupTest).
   */

  /** The source file name of an entry: below {@code dir}, or {@code patterns/} when null. */
  private static final class SourceNames implements Function<String, String> {
    private final Path dir;

    SourceNames(Path dir) {
      this.dir = dir;
    }

    @Override
    public String apply(String rel) {
      return dir == null ? "patterns/" + rel : dir.resolve(rel).toString();
    }
  }

  /** Decodes entry {@code i} of an index when the catalog first asks for it. */
  private static final class Decoder implements java.util.function.IntFunction<Entry> {
    private final byte[] index;
    private final int[] offsets;
    private final int[] packed;
    private final int[] sizes;
    private final Inflater inflater;
    private final Function<String, String> source;

    Decoder(byte[] index, int[] offsets, int[] packed, int[] sizes, Inflater inflater,
        Function<String, String> source) {
      this.index = index;
      this.offsets = offsets;
      this.packed = packed;
      this.sizes = sizes;
      this.inflater = inflater;
      this.source = source;
    }

    @Override
    public Entry apply(int i) {
      return entry(index, offsets[i], packed[i], sizes[i], inflater, source);
    }
  }

  /** The entry deflated in {@code index[offset, offset + length)}, {@code size} bytes inflated. */
  private static Entry entry(byte[] index, int offset, int length, int size, Inflater inflater,
      Function<String, String> source) {
    byte[] raw = new byte[size];
    try {
      synchronized (inflater) {
        inflater.reset();
        inflater.setInput(index, offset, length);
        int n = 0;
        while (n < size && !inflater.finished() && !inflater.needsInput()) {
          n += inflater.inflate(raw, n, size - n);
        }
        if (n != size) {
          throw new EOFException("entry of " + size + " bytes inflated to " + n);
        }
      }
      ByteCursor d = new ByteCursor(raw);
      Entry e = readEntry(d, source);
      if (d.position() != size) {
        throw new EOFException("entry of " + size + " bytes read as " + d.position());
      }
      return e;
    } catch (IOException | DataFormatException | IllegalArgumentException e) {
      // the index was checked against its checksum when it was opened: only an index written
      // by something else than write() gets here
      throw new IllegalStateException("catalog index: " + e.getMessage(), e);
    }
  }

  private static void writeEntry(DataOutputStream d, Entry e, String rel) throws IOException {
    str(d, e.id());
    str(d, e.area());
    text(d, e.title());
    str(d, e.severity().name());
    Match m = e.match();
    strings(d, m.tags());
    str(d, m.literal());
    str(d, m.module());
    d.writeInt(m.errno().size());
    for (int x : m.errno()) {
      d.writeInt(x);
    }
    str(d, m.regex());
    strings(d, m.groups());
    d.writeBoolean(m.fallback());
    str(d, e.context());
    text(d, e.explanation());
    text(d, e.fix());
    d.writeInt(e.variants().size());
    for (Variant v : e.variants().values()) {
      str(d, v.id());
      text(d, v.explanation());
      text(d, v.fix());
    }
    strings(d, e.references());
    examples(d, e.examples());
    examples(d, e.nearMisses());
    strings(d, e.scenarios());
    d.writeBoolean(e.header());
    d.writeBoolean(e.escalate() != null);
    if (e.escalate() != null) {
      d.writeLong(e.escalate().count());
      str(d, e.escalate().severity().name());
    }
    d.writeBoolean(e.groupBy() != null);
    if (e.groupBy() != null) {
      strings(d, e.groupBy());
    }
    str(d, rel);
  }

  private static Entry readEntry(ByteCursor d,
      Function<String, String> source) throws IOException {
    String id = str(d);
    String area = str(d);
    Text title = text(d);
    Severity severity = Severity.valueOf(str(d));
    List<String> tags = strings(d);
    String literal = str(d);
    String module = str(d);
    int ne = d.readInt();
    List<Integer> errno = new ArrayList<>(ne);
    for (int i = 0; i < ne; i++) {
      errno.add(d.readInt());
    }
    String regex = str(d);
    List<String> groups = strings(d);
    boolean fallback = d.readBoolean();
    // compiled on first use: a start-up that matches one line compiles what it tries
    Match match = new Match(tags, literal, module, errno, regex, groups, fallback);
    String context = str(d);
    Text explanation = text(d);
    Text fix = text(d);
    int nv = d.readInt();
    Map<String, Variant> variants = new LinkedHashMap<>();
    for (int i = 0; i < nv; i++) {
      Variant v = new Variant(str(d), text(d), text(d));
      variants.put(v.id(), v);
    }
    List<String> references = strings(d);
    List<Example> examples = examples(d);
    List<Example> nearMisses = examples(d);
    List<String> scenarios = strings(d);
    boolean header = d.readBoolean();
    Entry.Escalation escalate = d.readBoolean()
        ? new Entry.Escalation(d.readLong(), Severity.valueOf(str(d))) : null;
    List<String> groupBy = d.readBoolean() ? strings(d) : null;
    String src = source.apply(str(d));
    return new Entry(id, area, title, severity, match, context, explanation, fix, variants,
        references, examples, nearMisses, scenarios, header, escalate, groupBy, src);
  }

  private static void examples(DataOutputStream d, List<Example> xs) throws IOException {
    d.writeInt(xs.size());
    for (Example x : xs) {
      str(d, x.line());
      str(d, x.origin());
      map(d, x.captures());
    }
  }

  private static List<Example> examples(ByteCursor d) throws IOException {
    int n = d.readInt();
    List<Example> xs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      xs.add(new Example(str(d), str(d), map(d)));
    }
    return xs;
  }

  private static void text(DataOutputStream d, Text t) throws IOException {
    map(d, t.byLang());
  }

  private static Text text(ByteCursor d) throws IOException {
    return new Text(map(d));
  }

  private static void map(DataOutputStream d, Map<String, String> m) throws IOException {
    d.writeInt(m.size());
    for (Map.Entry<String, String> e : m.entrySet()) {
      str(d, e.getKey());
      str(d, e.getValue());
    }
  }

  private static Map<String, String> map(ByteCursor d) throws IOException {
    int n = d.readInt();
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(str(d), str(d));
    }
    return m;
  }

  private static void strings(DataOutputStream d, List<String> xs) throws IOException {
    d.writeInt(xs.size());
    for (String s : xs) {
      str(d, s);
    }
  }

  private static List<String> strings(ByteCursor d) throws IOException {
    int n = d.readInt();
    List<String> xs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      xs.add(str(d));
    }
    return xs;
  }

  /** A string of any length (writeUTF stops at 64 KiB), or null. */
  private static void str(DataOutputStream d, String s) throws IOException {
    if (s == null) {
      d.writeInt(-1);
    } else {
      ByteCursor.writeString(d, s);
    }
  }

  private static String str(ByteCursor d) throws IOException {
    int n = d.readInt();
    return n < 0 ? null : d.utf8(n);
  }
}
