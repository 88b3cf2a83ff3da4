package obsgrader.batch;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * How a gradebook file is spelled: {@code rfc} (RFC 4180: UTF-8, commas, decimal point; what Moodle and Canvas
 * import) or {@code excel-fr} (what a French Excel opens by a double click: a byte order mark so that it reads
 * UTF-8, semicolons, decimal commas). {@code -Dgrader.csv} chooses the plain gradebook's.
 */
public enum CsvDialect {
    RFC(',', '.', false), EXCEL_FR(';', ',', true);

    private final char separator;
    private final char decimal;
    private final boolean byteOrderMark;

    CsvDialect(char separator, char decimal, boolean byteOrderMark) {
        this.separator = separator;
        this.decimal = decimal;
        this.byteOrderMark = byteOrderMark;
    }

    public static CsvDialect parse(String value) {
        return value == null || value.isBlank() ? RFC : valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Points as the dialect writes them: 88.5 or 88,5; whole numbers without decimals. */
    public String number(double value) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setDecimalSeparator(decimal);
        return new DecimalFormat("0.##", symbols).format(value);
    }

    /** Writes the rows (the header first); fields are quoted where they hold the separator, a quote or a line break. */
    public void write(List<List<String>> rows, Path file) {
        // quotes only the fields that need it (RFC 4180), not every one holding a space
        CsvMapper mapper = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withLineSeparator("\r\n");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String text = mapper.writer(schema).writeValueAsString(rows);
            Files.writeString(file, (byteOrderMark ? "\uFEFF" : "") + text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
