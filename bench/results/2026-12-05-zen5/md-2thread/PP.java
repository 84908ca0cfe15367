public class PP {
  static volatile long a, b;
  public static void main(String[] x) throws Exception {
    int n = 2_000_000;
    for (int round = 0; round < 3; round++) {
      a = 0; b = 0;
      Thread t = new Thread(() -> { for (long i = 1; i <= n; i++) { while (a != i) Thread.onSpinWait(); b = i; } });
      t.start();
      long t0 = System.nanoTime();
      for (long i = 1; i <= n; i++) { a = i; while (b != i) Thread.onSpinWait(); }
      long t1 = System.nanoTime();
      t.join();
      System.out.printf("%.0f ", (t1 - t0) / (double) n);
    }
    System.out.println("ns/roundtrip");
  }
}
