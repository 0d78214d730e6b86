package ibinit.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * CSV data ({@code csv:FILE}): a header row naming the columns, then one example per row; the
 * column named by data option {@code label} (default {@code label}) holds integer class indices,
 * every other column is a numeric feature. Data option {@code test=FILE} names a test file with the
 * same header. Cells are separated by commas; a cell may be quoted ({@code "..."}, a quote inside
 * doubled); blank lines are skipped. UTF-8, a leading byte-order mark is ignored.
 */
final class CsvDatasets {
    static final String DEFAULT_LABEL = "label";

    private CsvDatasets() { }

    /** {train, test}; test is null without the {@code test} option. */
    static LabeledArrays[] read(Path file, DataOptions options) {
        String label = options.string(DataOptions.LABEL, DEFAULT_LABEL);
        Table train = read(file, label);
        Optional<Path> testFile = options.path(DataOptions.TEST);
        Table test = testFile.map(t -> read(t, label)).orElse(null);
        if (test != null && !test.header().equals(train.header())) {
            throw new DatasetException(testFile.get() + ": its header (" + String.join(", ", test.header())
                    + ") differs from that of " + file + " (" + String.join(", ", train.header()) + ")");
        }
        return new LabeledArrays[] {train.arrays(), test == null ? null : test.arrays()};
    }

    /** A file's column names and contents. */
    record Table(List<String> header, LabeledArrays arrays) { }

    private static Table read(Path file, String labelColumn) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.toString(), labelColumn);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new DatasetException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static Table parse(BufferedReader in, String source, String labelColumn) throws IOException {
        String line = in.readLine();
        int lineNo = 1;
        while (line != null && line.isBlank()) { line = in.readLine(); lineNo++; }
        if (line == null) throw new DatasetException(source + ": empty file (a CSV file starts with a header row)");
        if (line.startsWith("\uFEFF")) line = line.substring(1);
        List<String> header = cells(line, source, lineNo);
        int labelAt = header.indexOf(labelColumn);
        if (labelAt < 0) {
            throw new DatasetException(source + ": no column '" + labelColumn + "' in the header (" + String.join(", ", header)
                    + "); name the label column with data option label=NAME");
        }
        if (header.size() < 2) throw new DatasetException(source + ": only the label column; features are every other column");
        int dim = header.size() - 1;
        FloatList x = new FloatList();
        List<Integer> y = new ArrayList<>();
        for (line = in.readLine(), lineNo++; line != null; line = in.readLine(), lineNo++) {
            if (line.isBlank()) continue;
            List<String> row = cells(line, source, lineNo);
            if (row.size() != header.size()) {
                throw new DatasetException(source + ": line " + lineNo + " has " + row.size() + " cells, the header has " + header.size());
            }
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c).trim();
                if (c == labelAt) y.add(label(cell, source, lineNo, labelColumn));
                else x.add(number(cell, source, lineNo, header.get(c)));
            }
        }
        if (y.isEmpty()) throw new DatasetException(source + ": a header but no data rows");
        return new Table(header, new LabeledArrays(x.toArray(), y.stream().mapToInt(Integer::intValue).toArray(), dim, null,
                source + ", column '" + labelColumn + "'"));
    }

    private static int label(String cell, String source, int lineNo, String column) {
        try {
            return Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            throw new DatasetException(source + ": line " + lineNo + ", label column '" + column + "': '" + cell
                    + "' is not an integer class index");
        }
    }

    private static float number(String cell, String source, int lineNo, String column) {
        float v;
        try {
            if (cell.isEmpty() || !Character.isDigit(cell.charAt(cell.length() - 1)) && cell.charAt(cell.length() - 1) != '.') {
                throw new NumberFormatException();
            }
            v = Float.parseFloat(cell);
        } catch (NumberFormatException e) {
            throw new DatasetException(source + ": line " + lineNo + ", column '" + column + "': "
                    + (cell.isEmpty() ? "empty cell" : "'" + cell + "' is not a number"));
        }
        if (!Float.isFinite(v)) {
            throw new DatasetException(source + ": line " + lineNo + ", column '" + column + "': '" + cell + "' is not a finite float32 number");
        }
        return v;
    }

    /** Splits one line at commas outside quotes; "" inside quotes is one quote. */
    static List<String> cells(String line, String source, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.append(ch);
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) throw new DatasetException(source + ": line " + lineNo + " has an unclosed quote");
        out.add(cell.toString());
        if (line.endsWith("\r")) out.set(out.size() - 1, out.getLast().substring(0, out.getLast().length() - 1));
        return out.stream().map(String::trim).toList();
    }

    /** A growable float array (a CSV of 60,000 x 784 would be 47 million boxed Floats otherwise). */
    private static final class FloatList {
        private float[] a = new float[1024];
        private int n;

        void add(float v) {
            if (n == a.length) a = Arrays.copyOf(a, Math.multiplyExact(a.length, 2));
            a[n++] = v;
        }

        float[] toArray() { return Arrays.copyOf(a, n); }
    }
}
