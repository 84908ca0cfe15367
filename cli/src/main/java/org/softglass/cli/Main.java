package org.softglass.cli;

public final class Main {
    public static void main(String[] args) {
        System.out.println(org.softglass.core.simd.Simd.describe());
    }
}
