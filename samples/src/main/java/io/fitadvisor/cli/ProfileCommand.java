package io.fitadvisor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fitadvisor.workload.Application;
import io.fitadvisor.workload.LoadSeries;
import io.fitadvisor.workload.LoadSummary;
import io.fitadvisor.workload.Loads;
import io.fitadvisor.workload.Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fit-advisor profile FILE}: each service's load as the advisor will see it. */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Validates a workload file and shows each service's load as the advisor sees it.")
final class ProfileCommand implements OutputCommand {
  @Parameters(paramLabel = "FILE", description = "the workload file (.yaml, .yml or .json)")
  Path file;

  @Mixin
  Formats.TableOrJson format;

  @Override
  public String produce() {
    boolean json = format.json();
    Application application = Workspace.read(file).application();
    List<LoadSummary> summaries = new ArrayList<>();
    for (Service service : application.services()) {
      LoadSeries series = Loads.series(service);
      summaries.add(LoadSummary.of(series, service.duration()));
    }
    return json ? json(application, summaries) : table(application, summaries);
  }

  private static String json(Application application, List<LoadSummary> summaries) {
    ObjectNode root = Json.object();
    root.put("schemaVersion", 1);
    root.put("application", application.name());
    ArrayNode services = root.putArray("services");
    for (int i = 0; i < summaries.size(); i++) {
      ObjectNode node = services.addObject();
      node.put("name", application.services().get(i).name());
      node.set("load", loadJson(summaries.get(i)));
    }
    return Json.write(root);
  }

  /** The {@code load} object, shared with {@code advise}. */
  static ObjectNode loadJson(LoadSummary load) {
    ObjectNode node = Json.object();
    Json.put(node, "monthlyRequests", load.monthlyRequests());
    Json.put(node, "averageRequestsPerSecond", load.averageRequestsPerSecond());
    Json.put(node, "peakRequestsPerSecond", load.peakRequestsPerSecond());
    Json.put(node, "peakConcurrency", load.peakConcurrency());
    ArrayNode notes = node.putArray("notes");
    load.notes().forEach(notes::add);
    return node;
  }

  private static String table(Application application, List<LoadSummary> summaries) {
    StringBuilder text = new StringBuilder();
    text.append("Load of ").append(application.name()).append(" over the 730-hour month")
        .append(Text.NL).append(Text.NL);
    Text.Table table = new Text.Table(false, true, true, true, true);
    table.row("service", "requests/month", "average req/s", "peak req/s", "peak concurrency");
    for (int i = 0; i < summaries.size(); i++) {
      LoadSummary load = summaries.get(i);
      table.row(application.services().get(i).name(), Text.quantity(Math.round(load.monthlyRequests())),
          Text.rate(load.averageRequestsPerSecond()), Text.rate(load.peakRequestsPerSecond()),
          Text.rate(load.peakConcurrency()));
    }
    text.append(table.render(""));
    for (int i = 0; i < summaries.size(); i++) {
      for (String note : summaries.get(i).notes()) {
        text.append(Text.NL).append(application.services().get(i).name()).append(": ").append(note);
      }
    }
    if (summaries.stream().anyMatch(s -> !s.notes().isEmpty())) {
      text.append(Text.NL);
    }
    return text.toString();
  }
}
