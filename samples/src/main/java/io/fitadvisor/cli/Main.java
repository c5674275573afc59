package io.fitadvisor.cli;

/** Entry point of {@code fit-advisor.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("fit-advisor");
  }
}
