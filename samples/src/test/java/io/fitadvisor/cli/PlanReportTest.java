package io.fitadvisor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan in every format of {@code advise}. */
class PlanReportTest {

  /*
   * two-sockets.yaml, us-east-1, by hand: both tasks (1 vCPU, 7 GB) on one r6g.large, 730 h x
   * $0.1008 = $73.584; one ALB, 730 h x $0.0225 = $16.425, plus 2 x 0.04 LCU x 730 h x $0.008 =
   * $0.4672. Plan $90.4762; alone each pays Fargate arm64 730 x ($0.03238 + 7 x $0.00356) =
   * $41.8284 and its own ALB $16.6586: $116.974 for both. No Lambda. The same choice alone (its
   * own cluster: an m6g.large, $56.21, holds one task, plus its own ALB) is $72.8686.
   */
  @Test
  void theJsonPlanKeepsTheSpecFieldsFirst() throws Exception {
    CliRun run = CliRun.of("advise", resource("two-sockets.yaml"), "--format", "json");
    assertThat(run.err()).isEmpty();
    JsonNode plan = new ObjectMapper().readTree(run.out()).path("plan");

    assertThat(fieldNames(plan)).startsWith("monthlyCostUsd", "assignments", "allLambdaMonthlyCostUsd",
        "allContainersMonthlyCostUsd");
    assertThat(plan.path("monthlyCostUsd").decimalValue()).isEqualByComparingTo("90.4762");
    assertThat(plan.path("allLambdaMonthlyCostUsd").isNull()).isTrue();
    assertThat(plan.path("allContainersMonthlyCostUsd").decimalValue()).isEqualByComparingTo("90.4762");
    JsonNode first = plan.path("assignments").get(0);
    assertThat(fieldNames(first)).startsWith("service", "target");
    assertThat(first.path("service").asText()).isEqualTo("a");
    assertThat(first.path("target").asText()).isEqualTo("ecs-ec2");
    assertThat(first.path("placement").asText()).isEqualTo("shared arm64 cluster (r6g.large)");
    assertThat(first.path("monthlyCostUsd").decimalValue()).isEqualByComparingTo("45.2381");
    assertThat(first.path("reasons").size()).isBetween(2, 4);
    assertThat(plan.path("shared").get(0).path("name").asText()).isEqualTo("Application Load Balancer");
    assertThat(plan.path("shared").get(0).path("savingsUsd").decimalValue()).isEqualByComparingTo("16.425");
    assertThat(plan.path("search").path("method").asText()).isEqualTo("exact");
    assertThat(plan.path("reasons").size()).isBetween(2, 5);
  }

  @Test
  void theTableShowsTheMixAndWhatItShares() throws Exception {
    CliRun run = CliRun.of("advise", resource("two-sockets.yaml"));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Plan: $90.48 a month", "shared arm64 cluster (r6g.large)",
        "all on Lambda: not possible", "all on containers: $90.48 (the same as the plan)",
        "shared: Application Load Balancer for a, b: $16.89 a month, $16.43 less than each alone",
        "shared: ECS cluster (arm64, r6g.large) for a, b");
  }

  @Test
  void markdownAndHtmlCarryThePlanAndItsReasons() throws Exception {
    CliRun markdown = CliRun.of("advise", resource("two-sockets.yaml"), "--format", "markdown");
    assertThat(markdown.out()).contains("## Plan", "**Plan: $90.48 a month**",
        "| a | ecs-ec2 (arm64) | shared arm64 cluster (r6g.large) | $45.24 | $72.87 |", "### a in the plan",
        "- Shared: Application Load Balancer for a, b");
    CliRun html = CliRun.of("advise", resource("two-sockets.yaml"), "--format", "html");
    assertThat(html.out()).contains("<h2>Plan</h2>", "<strong>Plan: $90.48 a month</strong>",
        "<h3>a in the plan</h3>", "Shared: ECS cluster (arm64, r6g.large) for a, b");
  }

  @Test
  void theBundledShopSavesAgainstAllContainers() {
    CliRun run = CliRun.of("advise", "../samples/src/main/resources/io/fitadvisor/samples/mixed-shop.yaml");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Plan: $", "all on containers: $", "(the mix saves $", "Exact search over 6 services");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String resource(String name) throws URISyntaxException {
    return Path.of(PlanReportTest.class.getResource("/plan/" + name).toURI()).toString();
  }
}
