package io.fitadvisor.pricing;

/**
 * One rate of a region's catalog, for display.
 *
 * @param service {@code lambda}, {@code fargate}, {@code ec2}, {@code apiGateway} or {@code alb}
 * @param item what the rate is for, e.g. {@code Duration (x86_64, tier 1: first 6000000000 GB-s)}
 * @param unit the unit the rate is per, e.g. {@code GB-s}
 * @param usd US dollars per unit (for the Managed Instances fee: the fraction of the EC2 price)
 * @param source where the figure comes from, with its confidence tag in brackets (V verified on
 *     AWS, S agreeing sources, M unconfirmed, E estimate) and any note
 */
public record PriceEntry(String service, String item, String unit, double usd, String source) {}
