package io.fitadvisor.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fitadvisor.advisor.ColdStarts.InitDuration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Look-ups checked by hand against rows of lambda-cold-starts-2026.csv. */
class ColdStartsTest {
  private final ColdStarts table = ColdStarts.builtIn();

  @Test
  void managedRuntimeMapsToItsOwnRowAtTheExactMemory() {
    // java21,zip,x86_64,1024,1834,252.3,290.4,443.1
    InitDuration row = table.curve("java21", "zip", "x86_64").at(1024);
    assertThat(row.tableRuntime()).isEqualTo("java21");
    assertThat(row.tableMemoryMb()).isEqualTo(1024);
    assertThat(row.p50Ms()).isEqualTo(252.3);
    assertThat(row.p90Ms()).isEqualTo(290.4);
    assertThat(row.p99Ms()).isEqualTo(443.1);
  }

  @Test
  void nearestMemoryIsPickedAndTiesGoToTheSmaller() {
    // python3.12,zip,arm64,256,1819,78.7,90.0,142.8: 300 MB is nearest 256 MB.
    assertThat(table.curve("python3.12", "zip", "arm64").at(300).p50Ms()).isEqualTo(78.7);
    // nodejs22.x,image,x86_64,128,1822,295.6,...: 192 MB is 64 MB from both 128 and 256.
    assertThat(table.curve("nodejs22.x", "image", "x86_64").at(192).tableMemoryMb()).isEqualTo(128);
    assertThat(table.curve("nodejs22.x", "image", "x86_64").at(192).p50Ms()).isEqualTo(295.6);
    // Above the table's largest memory the 1,024 MB row applies.
    assertThat(table.curve("java21", "zip", "x86_64").at(10_240).tableMemoryMb()).isEqualTo(1024);
  }

  @Test
  void osOnlyRuntimesMapToTheGoRowsOfTheirOs() {
    // go (prov.al2023),zip,arm64,128,1815,40.9,44.4,52.3
    InitDuration row = table.curve("provided.al2023", "zip", "arm64").at(128);
    assertThat(row.tableRuntime()).isEqualTo("go (prov.al2023)");
    assertThat(row.p50Ms()).isEqualTo(40.9);
    assertThat(table.tableRuntime("provided.al2")).contains("go (prov.al2)");
    assertThat(table.tableRuntime("go1.x")).contains("go (prov.al2)");
  }

  @Test
  void anotherVersionOfAFamilyMapsToTheNearestMeasuredVersion() {
    // nodejs18.x is not in the table; nodejs20.x is the nearest measured Node.js.
    assertThat(table.tableRuntime("nodejs18.x")).contains("nodejs20.x");
    assertThat(table.tableRuntime("ruby4.0")).contains("ruby3.4");
    assertThat(table.tableRuntime("java8")).contains("java8.al2");
    assertThat(table.tableRuntime("python3.9")).contains("python3.9");
  }

  @Test
  void unknownStacksGetTheSlowestRowMeasured() {
    // Image, x86_64, 1,024 MB: the slowest p50 is dotnet10,image,x86_64,1024,...,412.5,...
    assertThat(table.tableRuntime("container")).isEmpty();
    InitDuration row = table.curve("container", "image", "x86_64").at(1024);
    assertThat(row.tableRuntime()).isEqualTo("dotnet10");
    assertThat(row.p50Ms()).isEqualTo(412.5);
  }

  @Test
  void boundariesAreWhereTheNextRowBecomesNearest() {
    // Rows at 128, 256, 512 and 1,024 MB: 193 is the first memory nearer 256 than 128, and so on.
    assertThat(table.curve("java21", "zip", "x86_64").boundaries()).containsExactly(193, 385, 769);
  }

  @Test
  void theRowAtAMemoryIsTheNearestTiesGoingToTheSmallerMemory() {
    for (String runtime : List.of("python3.12", "java21", "nodejs22.x", "provided.al2023", "dotnet8",
        "ruby3.3", "container", "no-such-runtime")) {
      for (String packaging : List.of("zip", "image")) {
        for (String architecture : List.of("x86_64", "arm64")) {
          ColdStarts.Curve curve = ColdStarts.builtIn().curve(runtime, packaging, architecture);
          int[] memories = curve.memoriesMb();
          for (int m = 128; m <= 10_240; m++) {
            int nearest = memories[0];
            for (int memory : memories) {
              if (Math.abs(memory - m) < Math.abs(nearest - m)) {
                nearest = memory;
              }
            }
            assertThat(curve.at(m).tableMemoryMb()).as("%s %s %s at %d MB", runtime, packaging, architecture, m)
                .isEqualTo(nearest);
          }
        }
      }
    }
  }
}
