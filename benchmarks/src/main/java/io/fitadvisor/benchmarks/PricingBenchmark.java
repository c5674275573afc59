package io.fitadvisor.benchmarks;

import io.fitadvisor.pricing.AccountTerms;
import io.fitadvisor.pricing.AlbDeployment;
import io.fitadvisor.pricing.ApiGatewayDeployment;
import io.fitadvisor.pricing.ApiType;
import io.fitadvisor.pricing.Architecture;
import io.fitadvisor.pricing.Deployment;
import io.fitadvisor.pricing.Ec2Deployment;
import io.fitadvisor.pricing.FargateDeployment;
import io.fitadvisor.pricing.LambdaDeployment;
import io.fitadvisor.pricing.PriceCatalog;
import io.fitadvisor.pricing.PriceReport;
import io.fitadvisor.pricing.PricedDeployment;
import io.fitadvisor.pricing.PricingEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pricing engine's cost per call, through the public API only: one Lambda deployment, one
 * Fargate deployment, and a 100-deployment list priced as one account. The catalog is read in
 * setup, as the advisor does; the measured calls do arithmetic only.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Pricing -f 1 -wi 3 -w 1s -i 5 -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PricingBenchmark {
  private PricingEngine engine;
  private AccountTerms terms;
  private LambdaDeployment lambda;
  private FargateDeployment fargate;
  private List<Deployment> hundred;

  @Setup
  public void setUp() {
    engine = PricingEngine.of(PriceCatalog.builtIn().region("us-east-1"));
    terms = new AccountTerms(true, 0.1, 0.2, 0.2);
    lambda = LambdaDeployment.builder("api", 1024, 65_700_000, 120).architecture(Architecture.ARM64).build();
    fargate = FargateDeployment.builder("web", 1, 2, 3).build();
    // A mixed account: 40 functions, 30 Fargate services, 10 EC2 groups, 10 APIs, 10 load balancers.
    hundred = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String name = "d" + i;
      Deployment d;
      switch (i % 10) {
        case 0, 1, 2, 3 -> d = LambdaDeployment.builder(name, 128 * (1 + i % 8), 1_000_000.0 * (i + 1), 20 + i)
            .architecture(i % 2 == 0 ? Architecture.X86_64 : Architecture.ARM64).build();
        case 4, 5, 6 -> d = FargateDeployment.builder(name, 0.5, 1 + i % 4, 1 + i % 5).spot(i % 3 == 0).build();
        case 7 -> d = Ec2Deployment.of(name, "m6g.large", 1 + i % 4);
        case 8 -> d = new ApiGatewayDeployment(name, i % 20 == 8 ? ApiType.HTTP : ApiType.REST, 10_000_000.0 * i);
        default -> d = AlbDeployment.of(name, 1 + i % 3);
      }
      hundred.add(d);
    }
  }

  @Benchmark
  public PricedDeployment oneLambda() {
    return engine.price(lambda, terms);
  }

  @Benchmark
  public PricedDeployment oneFargate() {
    return engine.price(fargate, terms);
  }

  @Benchmark
  public PriceReport hundredDeployments() {
    return engine.price(hundred, terms);
  }
}
