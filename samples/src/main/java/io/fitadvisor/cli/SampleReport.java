package io.fitadvisor.cli;

import io.fitadvisor.advisor.Advice;
import io.fitadvisor.advisor.Advisor;
import io.fitadvisor.advisor.ServiceAdvice;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The main job: advises on every bundled sample application and prints a comparison, then each
 * application's full table. The samples live in {@code io/fitadvisor/samples/} on the class path,
 * listed in order by {@code index.txt}.
 */
final class SampleReport {
  static final String FOLDER = "/io/fitadvisor/samples/";

  private SampleReport() {}

  static String render() {
    List<Advice> advices = new ArrayList<>();
    for (Path sample : samples()) {
      Workspace workspace = Workspace.read(sample);
      advices.add(Advisor.of(workspace.catalog()).advise(workspace.application()));
    }
    StringBuilder text = new StringBuilder();
    text.append("fit-advisor: the bundled sample applications").append(Text.NL).append(Text.NL);
    Text.Table summary = new Text.Table(false, false, false, true, true, true);
    summary.row("application", "service", "recommended", "monthly", "all Lambda", "all containers");
    for (Advice advice : advices) {
      for (ServiceAdvice service : advice.services()) {
        summary.row(advice.application(), service.name(),
            service.recommendation().map(r -> r.target().id()).orElse("none"),
            service.recommendation().map(r -> Text.usd(r.monthlyCostUsd())).orElse("-"),
            optionTotal(service, "lambda"), containersTotal(service));
      }
    }
    text.append(summary.render(""));
    text.append(Text.NL).append("Application plans (shared costs counted once):").append(Text.NL);
    Text.Table plans = new Text.Table(false, true, true, true);
    plans.row("application", "plan", "all Lambda", "all containers");
    for (Advice advice : advices) {
      plans.row(advice.application(), Text.usd(advice.plan().monthlyCostUsd()),
          AdviceReports.optionalUsd(advice.plan().allLambdaMonthlyCostUsd()),
          AdviceReports.optionalUsd(advice.plan().allContainersMonthlyCostUsd()));
    }
    text.append(plans.render("  "));
    for (Advice advice : advices) {
      text.append(Text.NL).append("=".repeat(72)).append(Text.NL);
      text.append(AdviceReports.table(advice));
    }
    text.append(Text.NL).append("Advise on your own services: java -jar fit-advisor.jar advise FILE")
        .append(Text.NL);
    return text.toString();
  }

  private static String optionTotal(ServiceAdvice service, String target) {
    return service.options().stream()
        .filter(o -> o.target().id().equals(target) && o.monthlyCostUsd().isPresent())
        .map(o -> Text.usd(o.monthlyCostUsd().getAsDouble()))
        .findFirst().orElse("-");
  }

  /** The cheapest feasible container option (Fargate, Fargate Spot or ECS on EC2). */
  private static String containersTotal(ServiceAdvice service) {
    return service.options().stream()
        .filter(o -> o.target().id().startsWith("fargate") || o.target().id().equals("ecs-ec2"))
        .filter(o -> o.monthlyCostUsd().isPresent())
        .mapToDouble(o -> o.monthlyCostUsd().getAsDouble())
        .min()
        .stream().mapToObj(Text::usd).findFirst().orElse("-");
  }

  /** The bundled sample files as paths, inside the jar or in the classes folder. */
  static List<Path> samples() {
    URL index = SampleReport.class.getResource(FOLDER + "index.txt");
    if (index == null) {
      throw new IllegalStateException("the bundled samples are missing from the class path");
    }
    try (InputStream in = index.openStream()) {
      Path folder = folderOf(index.toURI());
      List<Path> paths = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          paths.add(folder.resolve(name));
        }
      }
      return paths;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path folderOf(URI indexUri) throws IOException {
    if ("jar".equals(indexUri.getScheme())) {
      FileSystem jar;
      try {
        jar = FileSystems.getFileSystem(indexUri);
      } catch (FileSystemNotFoundException e) {
        jar = FileSystems.newFileSystem(indexUri, Map.of());
      }
      return jar.provider().getPath(indexUri).getParent();
    }
    return Path.of(indexUri).getParent();
  }
}
