package io.fitadvisor.cli;

import io.fitadvisor.advisor.Advice;
import io.fitadvisor.advisor.Assignment;
import io.fitadvisor.advisor.BreakEven;
import io.fitadvisor.advisor.Plan;
import io.fitadvisor.advisor.ServiceAdvice;
import io.fitadvisor.advisor.SharedCost;
import io.fitadvisor.advisor.TargetOption;
import io.fitadvisor.pricing.CostLine;

/**
 * A self-contained HTML page of an {@link Advice}: no scripts, no external assets, every text
 * escaped. Charts come with the reporting issue; this page already carries every number.
 */
final class HtmlReport {
  private HtmlReport() {}

  static String render(Advice advice) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>").append(escape(advice.application())).append(" - fit-advisor</title>\n")
        .append("<style>body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;")
        .append("padding:.3em .6em;text-align:left}td.n{text-align:right}")
        .append(".no{color:#999}</style>\n</head>\n<body>\n");
    html.append("<h1>").append(escape(advice.application())).append("</h1>\n");
    html.append("<p>Region <code>").append(escape(advice.region()))
        .append("</code>, prices effective ").append(advice.catalogEffectiveDate()).append(".</p>\n");
    for (ServiceAdvice service : advice.services()) {
      html.append("<h2>").append(escape(service.name())).append("</h2>\n");
      html.append("<p>").append(escape(AdviceReports.loadLine(service.load()))).append(".</p>\n");
      html.append("<p><strong>").append(escape(AdviceReports.recommendationLine(service)))
          .append("</strong></p>\n");
      service.recommendation().ifPresent(r -> {
        html.append("<ul>\n");
        r.reasons().forEach(reason -> html.append("<li>").append(escape(reason)).append("</li>\n"));
        html.append("</ul>\n");
      });
      service.notes().forEach(note -> html.append("<p>").append(escape(note)).append("</p>\n"));
      html.append("<table>\n<tr><th>target</th><th>architecture</th><th>monthly</th><th>fit</th></tr>\n");
      for (TargetOption option : service.options()) {
        html.append(option.feasible() ? "<tr>" : "<tr class=\"no\">")
            .append("<td>").append(escape(option.target().id())).append("</td>")
            .append("<td>").append(escape(option.architecture().orElse("-"))).append("</td>")
            .append("<td class=\"n\">").append(escape(AdviceReports.monthly(option))).append("</td>")
            .append("<td>").append(escape(AdviceReports.fitDetail(option))).append("</td></tr>\n");
      }
      html.append("</table>\n");
      for (TargetOption option : service.options()) {
        if (option.lines().isEmpty()) {
          continue;
        }
        html.append("<details><summary>").append(escape(option.target().id()))
            .append(" cost lines</summary>\n<table>\n")
            .append("<tr><th>line</th><th>quantity</th><th>unit</th><th>unit price</th><th>monthly</th></tr>\n");
        for (CostLine line : option.lines()) {
          html.append("<tr><td>").append(escape(line.name())).append("</td><td class=\"n\">")
              .append(escape(Text.quantity(line.quantity()))).append("</td><td>")
              .append(escape(line.unit())).append("</td><td class=\"n\">")
              .append(escape(Text.unitPrice(line.unitPriceUsd()))).append("</td><td class=\"n\">")
              .append(escape(Text.usd(line.monthlyCostUsd()))).append("</td></tr>\n");
        }
        html.append("</table>\n</details>\n");
      }
      for (BreakEven pair : service.breakEven()) {
        html.append("<p>Break-even of ").append(escape(pair.first().id())).append(" and ")
            .append(escape(pair.second().id())).append(": ")
            .append(escape(Text.rate(pair.requestsPerSecond()))).append(" requests per second.</p>\n");
      }
    }
    Plan plan = advice.plan();
    html.append("<h2>Plan</h2>\n<p><strong>Plan: ").append(escape(Text.usd(plan.monthlyCostUsd())))
        .append(" a month</strong></p>\n<table>\n<tr><th>service</th><th>target</th><th>placement</th>")
        .append("<th>in plan</th><th>alone</th></tr>\n");
    for (Assignment assignment : plan.assignments()) {
      html.append("<tr><td>").append(escape(assignment.service())).append("</td><td>")
          .append(escape(AdviceReports.targetLabel(assignment))).append("</td><td>")
          .append(escape(assignment.placement())).append("</td><td class=\"n\">")
          .append(escape(Text.usd(assignment.monthlyCostUsd()))).append("</td><td class=\"n\">")
          .append(escape(Text.usd(assignment.aloneMonthlyCostUsd()))).append("</td></tr>\n");
    }
    html.append("</table>\n<ul>\n<li>All on Lambda: ")
        .append(escape(AdviceReports.optionalUsd(plan.allLambdaMonthlyCostUsd())
            + AdviceReports.savings(plan.savingsVsAllLambdaUsd())))
        .append("</li>\n<li>All on containers: ")
        .append(escape(AdviceReports.optionalUsd(plan.allContainersMonthlyCostUsd())
            + AdviceReports.savings(plan.savingsVsAllContainersUsd())))
        .append("</li>\n");
    for (SharedCost cost : plan.shared()) {
      html.append("<li>Shared: ").append(escape(AdviceReports.sharedLine(cost))).append("</li>\n");
    }
    html.append("</ul>\n<ul>\n");
    plan.reasons().forEach(reason -> html.append("<li>").append(escape(reason)).append("</li>\n"));
    html.append("</ul>\n");
    for (Assignment assignment : plan.assignments()) {
      html.append("<h3>").append(escape(assignment.service())).append(" in the plan</h3>\n<ul>\n");
      assignment.reasons().forEach(reason -> html.append("<li>").append(escape(reason)).append("</li>\n"));
      html.append("</ul>\n");
    }
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
