package io.fitadvisor.workload;

/** The file formats a {@link LoadShape.Trace} can be read from. */
public enum TraceFormat {
  /** A header line, then {@code minute,requests} rows; minute is an offset or a UTC timestamp. */
  PER_MINUTE_CSV("per-minute-csv"),
  /** Day files of the Azure Functions 2019 public trace, one row per function, 1,440 columns. */
  AZURE_FUNCTIONS("azure-functions"),
  /** The JSON of CloudWatch GetMetricData at a 60-second period. */
  CLOUDWATCH_METRIC_DATA("cloudwatch-metric-data");

  private final String id;

  TraceFormat(String id) {
    this.id = id;
  }

  /** The spelling of the workload file's {@code format} field. */
  public String id() {
    return id;
  }

  /**
   * The format spelled {@code id}.
   *
   * @throws IllegalArgumentException for any other text, listing the known ids
   */
  public static TraceFormat fromId(String id) {
    return Ids.fromId(values(), TraceFormat::id, "trace format", id);
  }
}
