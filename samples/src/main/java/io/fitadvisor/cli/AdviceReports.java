package io.fitadvisor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fitadvisor.advisor.Advice;
import io.fitadvisor.advisor.Assignment;
import io.fitadvisor.advisor.BreakEven;
import io.fitadvisor.advisor.Finding;
import io.fitadvisor.advisor.Plan;
import io.fitadvisor.advisor.Recommendation;
import io.fitadvisor.advisor.ServiceAdvice;
import io.fitadvisor.advisor.SharedCost;
import io.fitadvisor.advisor.TargetOption;
import io.fitadvisor.workload.LoadSummary;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders an {@link Advice} in the formats of {@code advise}: json, table, markdown and html. */
final class AdviceReports {
  private AdviceReports() {}

  static String render(Advice advice, Format format) {
    return switch (format) {
      case json -> json(advice);
      case table -> table(advice);
      case markdown -> markdown(advice);
      case html -> HtmlReport.render(advice);
    };
  }

  // ---- JSON, exactly the shape of spec/cli.md ----

  static String json(Advice advice) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 1);
    root.put("application", advice.application());
    root.put("region", advice.region());
    ObjectNode catalog = root.putObject("catalog");
    catalog.put("effectiveDate", advice.catalogEffectiveDate().toString());
    catalog.put("source", advice.catalogSource());
    ArrayNode services = root.putArray("services");
    for (ServiceAdvice service : advice.services()) {
      services.add(serviceJson(service));
    }
    root.set("plan", planJson(advice.plan()));
    return Json.write(root);
  }

  private static ObjectNode serviceJson(ServiceAdvice service) {
    ObjectNode node = Json.object();
    node.put("name", service.name());
    node.set("load", ProfileCommand.loadJson(service.load()));
    if (service.recommendation().isPresent()) {
      Recommendation recommendation = service.recommendation().get();
      ObjectNode rec = node.putObject("recommendation");
      rec.put("target", recommendation.target().id());
      rec.put("architecture", recommendation.architecture().orElse(null));
      Json.put(rec, "monthlyCostUsd", recommendation.monthlyCostUsd());
      ArrayNode reasons = rec.putArray("reasons");
      recommendation.reasons().forEach(reasons::add);
    } else {
      node.putNull("recommendation");
    }
    ArrayNode options = node.putArray("options");
    for (TargetOption option : service.options()) {
      ObjectNode opt = options.addObject();
      opt.put("target", option.target().id());
      opt.put("architecture", option.architecture().orElse(null));
      opt.put("feasible", option.feasible());
      Json.put(opt, "monthlyCostUsd", option.monthlyCostUsd());
      ObjectNode configuration = opt.putObject("configuration");
      for (Map.Entry<String, Object> entry : option.configuration().entrySet()) {
        putValue(configuration, entry.getKey(), entry.getValue());
      }
      opt.set("lines", PriceReports.linesJson(option.lines()));
      opt.set("violations", findingsJson(option.violations()));
      opt.set("warnings", findingsJson(option.warnings()));
    }
    ArrayNode breakEven = node.putArray("breakEven");
    for (BreakEven pair : service.breakEven()) {
      ObjectNode be = breakEven.addObject();
      ArrayNode targets = be.putArray("targets");
      targets.add(pair.first().id());
      targets.add(pair.second().id());
      Json.put(be, "requestsPerSecond", pair.requestsPerSecond());
    }
    ArrayNode notes = node.putArray("notes");
    service.notes().forEach(notes::add);
    return node;
  }

  private static void putValue(ObjectNode node, String field, Object value) {
    if (value instanceof Number number) {
      Json.put(node, field, number.doubleValue());
    } else if (value instanceof Boolean flag) {
      node.put(field, flag);
    } else if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value.toString());
    }
  }

  private static ArrayNode findingsJson(List<Finding> findings) {
    ArrayNode array = Json.array();
    for (Finding finding : findings) {
      ObjectNode node = array.addObject();
      node.put("code", finding.code());
      node.put("message", finding.message());
    }
    return array;
  }

  /**
   * The plan: the spec's fields first ({@code monthlyCostUsd}, {@code assignments[{service,
   * target}]}, {@code allLambdaMonthlyCostUsd}, {@code allContainersMonthlyCostUsd}), then the
   * project's additions.
   */
  private static ObjectNode planJson(Plan plan) {
    ObjectNode node = Json.object();
    Json.put(node, "monthlyCostUsd", plan.monthlyCostUsd());
    ArrayNode assignments = node.putArray("assignments");
    for (Assignment assignment : plan.assignments()) {
      ObjectNode a = assignments.addObject();
      a.put("service", assignment.service());
      a.put("target", assignment.target().id());
      a.put("architecture", assignment.architecture().orElse(null));
      a.put("placement", assignment.placement());
      Json.put(a, "monthlyCostUsd", assignment.monthlyCostUsd());
      Json.put(a, "aloneMonthlyCostUsd", assignment.aloneMonthlyCostUsd());
      ArrayNode shared = a.putArray("shared");
      assignment.shared().forEach(shared::add);
      ArrayNode reasons = a.putArray("reasons");
      assignment.reasons().forEach(reasons::add);
    }
    Json.put(node, "allLambdaMonthlyCostUsd", plan.allLambdaMonthlyCostUsd());
    Json.put(node, "allContainersMonthlyCostUsd", plan.allContainersMonthlyCostUsd());
    Json.put(node, "opsCostPerMonthUsd", plan.opsCostPerMonthUsd());
    Json.put(node, "savingsVsAllLambdaUsd", plan.savingsVsAllLambdaUsd());
    Json.put(node, "savingsVsAllContainersUsd", plan.savingsVsAllContainersUsd());
    ArrayNode shared = node.putArray("shared");
    for (SharedCost cost : plan.shared()) {
      ObjectNode s = shared.addObject();
      s.put("kind", cost.kind());
      s.put("name", cost.name());
      ArrayNode services = s.putArray("services");
      cost.services().forEach(services::add);
      Json.put(s, "monthlyCostUsd", cost.monthlyCostUsd());
      Json.put(s, "aloneMonthlyCostUsd", cost.aloneMonthlyCostUsd());
      Json.put(s, "savingsUsd", cost.savingsUsd());
      s.set("lines", PriceReports.linesJson(cost.lines()));
    }
    ObjectNode search = node.putObject("search");
    search.put("method", plan.search().method());
    search.put("plansExamined", plan.search().plansExamined());
    Json.put(search, "gapBoundUsd", plan.search().gapBoundUsd());
    ArrayNode reasons = node.putArray("reasons");
    plan.reasons().forEach(reasons::add);
    return node;
  }

  // ---- table ----

  static String table(Advice advice) {
    StringBuilder text = new StringBuilder();
    text.append(advice.application()).append(" in ").append(advice.region())
        .append(" (prices effective ").append(advice.catalogEffectiveDate()).append(')')
        .append(Text.NL);
    for (ServiceAdvice service : advice.services()) {
      text.append(Text.NL).append(service.name()).append(": ").append(loadLine(service.load()))
          .append(Text.NL);
      text.append("  ").append(recommendationLine(service)).append(Text.NL);
      service.recommendation().ifPresent(r -> r.reasons()
          .forEach(reason -> text.append("    - ").append(reason).append(Text.NL)));
      service.notes().forEach(note -> text.append("    note: ").append(note).append(Text.NL));
      Text.Table options = new Text.Table(false, false, true, false);
      options.row("target", "arch", "monthly", "fit");
      for (TargetOption option : service.options()) {
        options.row(option.target().id(), option.architecture().orElse("-"), monthly(option),
            fit(option));
      }
      text.append(Text.NL).append(options.render("  "));
      for (BreakEven pair : service.breakEven()) {
        text.append("  break-even: ").append(pair.first().id()).append(" = ")
            .append(pair.second().id()).append(" at ").append(Text.rate(pair.requestsPerSecond()))
            .append(" req/s").append(Text.NL);
      }
    }
    text.append(Text.NL).append(planText(advice.plan()));
    return text.toString();
  }

  static String loadLine(LoadSummary load) {
    return Text.quantity(Math.round(load.monthlyRequests())) + " requests a month, "
        + Text.rate(load.averageRequestsPerSecond()) + " req/s average, "
        + Text.rate(load.peakRequestsPerSecond()) + " req/s peak";
  }

  static String recommendationLine(ServiceAdvice service) {
    return service.recommendation()
        .map(r -> "Recommended: " + r.target().id()
            + r.architecture().map(a -> " (" + a + ")").orElse("") + ", "
            + Text.usd(r.monthlyCostUsd()) + " a month")
        .orElse("No target can host this service.");
  }

  static String monthly(TargetOption option) {
    return option.monthlyCostUsd().isPresent() ? Text.usd(option.monthlyCostUsd().getAsDouble()) : "-";
  }

  static String fit(TargetOption option) {
    if (!option.feasible()) {
      return "no: " + codes(option.violations());
    }
    return option.warnings().isEmpty() ? "yes" : "yes, warnings: " + codes(option.warnings());
  }

  private static String codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).distinct().collect(Collectors.joining(", "));
  }

  static String planText(Plan plan) {
    StringBuilder text = new StringBuilder();
    text.append("Plan: ").append(Text.usd(plan.monthlyCostUsd())).append(" a month").append(Text.NL);
    Text.Table table = new Text.Table(false, false, false, true, true);
    table.row("service", "target", "placement", "in plan", "alone");
    for (Assignment assignment : plan.assignments()) {
      table.row(assignment.service(), targetLabel(assignment), assignment.placement(),
          Text.usd(assignment.monthlyCostUsd()), Text.usd(assignment.aloneMonthlyCostUsd()));
    }
    text.append(table.render("  "));
    text.append("  all on Lambda: ").append(optionalUsd(plan.allLambdaMonthlyCostUsd()))
        .append(savings(plan.savingsVsAllLambdaUsd())).append(Text.NL);
    text.append("  all on containers: ").append(optionalUsd(plan.allContainersMonthlyCostUsd()))
        .append(savings(plan.savingsVsAllContainersUsd())).append(Text.NL);
    for (SharedCost cost : plan.shared()) {
      text.append("  shared: ").append(sharedLine(cost)).append(Text.NL);
    }
    plan.reasons().forEach(reason -> text.append("    - ").append(reason).append(Text.NL));
    for (Assignment assignment : plan.assignments()) {
      text.append("  ").append(assignment.service()).append(':').append(Text.NL);
      assignment.reasons().forEach(reason -> text.append("    - ").append(reason).append(Text.NL));
    }
    return text.toString();
  }

  static String targetLabel(Assignment assignment) {
    return assignment.target().id() + assignment.architecture().map(a -> " (" + a + ")").orElse("");
  }

  /** {@code (the mix saves $12.34)}, {@code (the mix costs $1.00 more)} or nothing. */
  static String savings(java.util.OptionalDouble saved) {
    if (saved.isEmpty()) {
      return "";
    }
    double usd = saved.getAsDouble();
    if (Math.abs(usd) < 0.005) {
      return " (the same as the plan)";
    }
    return usd > 0 ? " (the mix saves " + Text.usd(usd) + ")" : " (the mix costs " + Text.usd(-usd) + " more)";
  }

  static String sharedLine(SharedCost cost) {
    double saved = cost.savingsUsd();
    return cost.name() + " for " + String.join(", ", cost.services()) + ": " + Text.usd(cost.monthlyCostUsd())
        + " a month, " + (saved >= 0 ? Text.usd(saved) + " less" : Text.usd(-saved) + " more")
        + " than each alone";
  }

  static String optionalUsd(java.util.OptionalDouble value) {
    return value.isPresent() ? Text.usd(value.getAsDouble()) : "not possible";
  }

  // ---- markdown ----

  static String markdown(Advice advice) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(advice.application()).append(Text.NL).append(Text.NL);
    md.append("Region `").append(advice.region()).append("`, prices effective ")
        .append(advice.catalogEffectiveDate()).append('.').append(Text.NL);
    for (ServiceAdvice service : advice.services()) {
      md.append(Text.NL).append("## ").append(service.name()).append(Text.NL).append(Text.NL);
      md.append(loadLine(service.load())).append('.').append(Text.NL).append(Text.NL);
      md.append("**").append(recommendationLine(service)).append("**").append(Text.NL);
      service.recommendation().ifPresent(r -> {
        md.append(Text.NL);
        r.reasons().forEach(reason -> md.append("- ").append(reason).append(Text.NL));
      });
      service.notes().forEach(note -> md.append(Text.NL).append("> ").append(note).append(Text.NL));
      md.append(Text.NL).append("| target | architecture | monthly | fit |").append(Text.NL);
      md.append("| --- | --- | ---: | --- |").append(Text.NL);
      for (TargetOption option : service.options()) {
        md.append("| ").append(option.target().id()).append(" | ")
            .append(option.architecture().orElse("-")).append(" | ").append(monthly(option))
            .append(" | ").append(markdownEscape(fitDetail(option))).append(" |").append(Text.NL);
      }
      if (!service.breakEven().isEmpty()) {
        md.append(Text.NL);
        for (BreakEven pair : service.breakEven()) {
          md.append("- Break-even of ").append(pair.first().id()).append(" and ")
              .append(pair.second().id()).append(": ").append(Text.rate(pair.requestsPerSecond()))
              .append(" requests per second on average").append(Text.NL);
        }
      }
    }
    md.append(Text.NL).append("## Plan").append(Text.NL).append(Text.NL);
    Plan plan = advice.plan();
    md.append("**Plan: ").append(Text.usd(plan.monthlyCostUsd())).append(" a month**").append(Text.NL)
        .append(Text.NL);
    md.append("| service | target | placement | in plan | alone |").append(Text.NL)
        .append("| --- | --- | --- | ---: | ---: |").append(Text.NL);
    for (Assignment assignment : plan.assignments()) {
      md.append("| ").append(markdownEscape(assignment.service())).append(" | ")
          .append(targetLabel(assignment)).append(" | ").append(markdownEscape(assignment.placement()))
          .append(" | ").append(Text.usd(assignment.monthlyCostUsd())).append(" | ")
          .append(Text.usd(assignment.aloneMonthlyCostUsd())).append(" |").append(Text.NL);
    }
    md.append(Text.NL).append("- All on Lambda: ").append(optionalUsd(plan.allLambdaMonthlyCostUsd()))
        .append(savings(plan.savingsVsAllLambdaUsd())).append(Text.NL);
    md.append("- All on containers: ").append(optionalUsd(plan.allContainersMonthlyCostUsd()))
        .append(savings(plan.savingsVsAllContainersUsd())).append(Text.NL);
    for (SharedCost cost : plan.shared()) {
      md.append("- Shared: ").append(markdownEscape(sharedLine(cost))).append(Text.NL);
    }
    md.append(Text.NL);
    plan.reasons().forEach(reason -> md.append("- ").append(markdownEscape(reason)).append(Text.NL));
    for (Assignment assignment : plan.assignments()) {
      md.append(Text.NL).append("### ").append(markdownEscape(assignment.service())).append(" in the plan")
          .append(Text.NL).append(Text.NL);
      assignment.reasons().forEach(reason -> md.append("- ").append(markdownEscape(reason)).append(Text.NL));
    }
    return md.toString();
  }

  /** The fit column with the messages, for formats that have room for them. */
  static String fitDetail(TargetOption option) {
    List<Finding> findings = option.feasible() ? option.warnings() : option.violations();
    String head = option.feasible() ? (findings.isEmpty() ? "yes" : "yes; ") : "no: ";
    return head + findings.stream().map(f -> f.code() + " (" + f.message() + ")")
        .collect(Collectors.joining("; "));
  }

  private static String markdownEscape(String text) {
    return text.replace("|", "\\|");
  }
}
