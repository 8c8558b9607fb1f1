package dev.haulout.marketplace.application;

import dev.haulout.marketplace.domain.Texts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The public face of a dataset, read from the first bytes of the file only: its format (from the
 * file name or content type), a sample (the first rows of a text format, whole lines, at most
 * {@link #MAX_SAMPLE_BYTES}) and a schema summary (columns and their types for CSV/TSV and JSON
 * Lines). Binary formats get no sample and no schema. Never reads more than the head.
 */
public record DatasetSample(String format, byte[] sample, String schemaSummary) {
  public static final int MAX_SAMPLE_BYTES = 64 * 1024;
  public static final int MAX_SAMPLE_ROWS = 21; // a header and 20 rows
  private static final int MAX_COLUMNS = 200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
  private static final Pattern NUMBER = Pattern.compile("-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern DATETIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?");

  /** Reads the head of {@code in} (which it does not close). */
  public static DatasetSample read(InputStream in, String filename, String contentType) throws IOException {
    String format = formatOf(filename, contentType);
    if (!isText(format)) {
      return new DatasetSample(format, null, null);
    }
    byte[] head = in.readNBytes(MAX_SAMPLE_BYTES + 1);
    String text = wholeLines(head, head.length > MAX_SAMPLE_BYTES);
    if (text == null) {
      return new DatasetSample(format, null, null); // not UTF-8 text after all
    }
    List<String> lines = new ArrayList<>(text.lines().limit(MAX_SAMPLE_ROWS).toList());
    String sample = String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    String schema = switch (format) {
      case "csv" -> csvSchema(sample, ',', format);
      case "tsv" -> csvSchema(sample, '\t', format);
      case "jsonl" -> jsonlSchema(lines);
      default -> null;
    };
    return new DatasetSample(format, sample.getBytes(StandardCharsets.UTF_8), schema);
  }

  /** Lower-case format name from the extension, else from the content type, else "bin". */
  public static String formatOf(String filename, String contentType) {
    if (filename != null) {
      String f = filename.toLowerCase(Locale.ROOT);
      if (f.endsWith(".gz") || f.endsWith(".zst")) {
        return f.substring(f.lastIndexOf('.') + 1);
      }
      int dot = f.lastIndexOf('.');
      if (dot >= 0 && dot < f.length() - 1) {
        String ext = f.substring(dot + 1);
        if (ext.matches("[a-z0-9]{1,10}")) {
          return ext.equals("ndjson") ? "jsonl" : ext;
        }
      }
    }
    if (contentType != null) {
      String t = contentType.toLowerCase(Locale.ROOT);
      if (t.startsWith("text/csv")) {
        return "csv";
      }
      if (t.startsWith("text/tab-separated-values")) {
        return "tsv";
      }
      if (t.contains("ndjson") || t.contains("jsonl")) {
        return "jsonl";
      }
      if (t.startsWith("application/json")) {
        return "json";
      }
      if (t.startsWith("text/")) {
        return "txt";
      }
    }
    return "bin";
  }

  static boolean isText(String format) {
    return switch (format) {
      case "csv", "tsv", "jsonl", "json", "txt", "md", "xml", "geojson" -> true;
      default -> false;
    };
  }

  /** The head as UTF-8 up to its last complete line when cut; null when it is not UTF-8 text. */
  private static String wholeLines(byte[] head, boolean cut) {
    int end = Math.min(head.length, MAX_SAMPLE_BYTES);
    if (cut) {
      while (end > 0 && head[end - 1] != '\n') {
        end--;
      }
    }
    for (int i = 0; i < end; i++) {
      if (head[i] == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String csvSchema(String sample, char delimiter, String format) {
    CSVFormat f = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get();
    try (CSVParser p = CSVParser.parse(new StringReader(sample), f)) {
      List<String> names = p.getHeaderNames();
      if (names.isEmpty() || names.size() > MAX_COLUMNS) {
        return null;
      }
      Map<String, String> types = new LinkedHashMap<>();
      for (String n : names) {
        types.put(n, null);
      }
      for (CSVRecord r : p) {
        for (int i = 0; i < names.size() && i < r.size(); i++) {
          types.merge(names.get(i), typeOf(r.get(i)), DatasetSample::widen);
        }
      }
      return summary(format, types);
    } catch (IOException | RuntimeException e) {
      return null; // not parseable as CSV: no schema rather than a wrong one
    }
  }

  private static String jsonlSchema(List<String> lines) {
    Map<String, String> types = new LinkedHashMap<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (IOException e) {
        return null;
      }
      if (!n.isObject()) {
        return null;
      }
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (types.size() > MAX_COLUMNS) {
          break;
        }
        types.merge(e.getKey(), jsonType(e.getValue()), DatasetSample::widen);
      }
    }
    return types.isEmpty() ? null : summary("jsonl", types);
  }

  private static String jsonType(JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return "integer";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    if (v.isTextual()) {
      return typeOf(v.asText()).equals("date") || typeOf(v.asText()).equals("datetime") ? typeOf(v.asText()) : "string";
    }
    return v.isArray() ? "array" : "object";
  }

  static String typeOf(String v) {
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (INTEGER.matcher(v).matches()) {
      return "integer";
    }
    if (NUMBER.matcher(v).matches()) {
      return "number";
    }
    String l = v.toLowerCase(Locale.ROOT);
    if (l.equals("true") || l.equals("false")) {
      return "boolean";
    }
    if (DATE.matcher(v).matches()) {
      return "date";
    }
    if (DATETIME.matcher(v).matches()) {
      return "datetime";
    }
    return "string";
  }

  /** The narrowest type holding both: integer ⊂ number; date ⊂ datetime; anything else mixed is string. */
  static String widen(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null || a.equals(b)) {
      return a;
    }
    if ((a.equals("integer") && b.equals("number")) || (a.equals("number") && b.equals("integer"))) {
      return "number";
    }
    if ((a.equals("date") && b.equals("datetime")) || (a.equals("datetime") && b.equals("date"))) {
      return "datetime";
    }
    return "string";
  }

  private static String summary(String format, Map<String, String> types) {
    StringBuilder b = new StringBuilder(format).append(": ");
    boolean first = true;
    for (Map.Entry<String, String> e : types.entrySet()) {
      String piece = (first ? "" : ", ") + Texts.printable(e.getKey(), 64) + " " + (e.getValue() == null ? "null" : e.getValue());
      if (b.length() + piece.length() > 4000) {
        b.append(", …");
        break;
      }
      b.append(piece);
      first = false;
    }
    return b.toString();
  }
}
