package io.fitadvisor.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * The per-minute-csv reader against its line-by-line reader ({@link
 * CsvTraceReader#readLineByLine}, the reader as it was before the byte scanner and the definition of
 * the rules): on random valid and faulty files both must give the same trace, bit for bit, or the
 * same problem. Each file is read with several scanner buffer sizes, down to a few dozen
 * bytes, so that lines, CR LF pairs and the header fall across reads.
 */
class CsvTraceReaderProperties {
  private static final int[] BUFFER_BYTES = {24, 61, 256, 4_096, CsvTraceScanner.BUFFER_BYTES};

  private final Path file;

  CsvTraceReaderProperties() throws IOException {
    file = Files.createTempFile("csv-trace-properties", ".csv");
  }

  @AfterProperty
  void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  /** A file's bytes, shown as text with control characters and bad bytes escaped. */
  record CsvBytes(byte[] bytes) {
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(bytes.length + " bytes: ");
      String decoded = new String(bytes, 0, Math.min(bytes.length, 2_000), StandardCharsets.ISO_8859_1);
      for (char c : decoded.toCharArray()) {
        text.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
      }
      return text.toString();
    }
  }

  @Provide
  Arbitrary<CsvBytes> validFiles() {
    return Arbitraries.randomValue(random -> new CsvBytes(new RandomCsv(random, false, false).file()));
  }

  @Provide
  Arbitrary<CsvBytes> faultyFiles() {
    return Arbitraries.randomValue(random -> new CsvBytes(new RandomCsv(random, true, false).file()));
  }

  @Provide
  Arbitrary<CsvBytes> plainFiles() {
    return Arbitraries.randomValue(random -> new CsvBytes(new RandomCsv(random, false, true).file()));
  }

  @Property(tries = 400)
  void readsValidFilesAsTheReferenceDoes(@ForAll("validFiles") CsvBytes csv) {
    assertSameAsReference(csv);
  }

  @Property(tries = 600)
  void reportsTheReferencesProblemInFaultyFiles(@ForAll("faultyFiles") CsvBytes csv) {
    assertSameAsReference(csv);
  }

  /**
   * Files in the common spellings are read by the scanner itself, not handed to the line-by-line
   * reader (which would be right, but slow).
   */
  @Property(tries = 300)
  void scannerReadsPlainFilesItself(@ForAll("plainFiles") CsvBytes csv) throws TraceProblem {
    write(csv);
    CsvOutcome expected = CsvOutcome.of(() -> CsvTraceReader.readLineByLine(file, 0));
    for (int bufferBytes : BUFFER_BYTES) {
      TraceData scanned = CsvTraceScanner.read(file, 0, bufferBytes);
      if (expected.isTrace() && bufferBytes >= 256) {
        assertThat(scanned).as("scanned with a buffer of %s bytes", bufferBytes).isNotNull();
      }
      if (scanned != null) {
        assertThat(CsvOutcome.of(() -> scanned)).isEqualTo(expected);
      }
    }
  }

  /** Counts spelt with up to 15 digits and a decimal point, many to a file. */
  @Property(tries = 100)
  void plainDecimalsAreParsedAsDoubleParseDoubleDoes(@ForAll("decimalFiles") CsvBytes csv) {
    assertSameAsReference(csv);
  }

  @Provide
  Arbitrary<CsvBytes> decimalFiles() {
    return Arbitraries.randomValue(
        random -> {
          StringBuilder text = new StringBuilder("minute,requests\n");
          for (int minute = 0; minute < 1_000; minute++) {
            int digits = 1 + random.nextInt(15);
            StringBuilder number = new StringBuilder();
            for (int i = 0; i < digits; i++) {
              number.append((char) ('0' + random.nextInt(10)));
            }
            number.insert(random.nextInt(digits + 1), '.');
            text.append(minute).append(',').append(number).append('\n');
          }
          return new CsvBytes(text.toString().getBytes(StandardCharsets.US_ASCII));
        });
  }

  private void assertSameAsReference(CsvBytes csv) {
    write(csv);
    CsvOutcome expected = CsvOutcome.of(() -> CsvTraceReader.readLineByLine(file, 0));
    for (int bufferBytes : BUFFER_BYTES) {
      assertThat(CsvOutcome.of(() -> CsvTraceReader.read(file, 0, bufferBytes)))
          .as("read with a scanner buffer of %s bytes", bufferBytes)
          .isEqualTo(expected);
    }
  }

  private void write(CsvBytes csv) {
    try {
      Files.write(file, csv.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
