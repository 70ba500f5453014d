package com.successworkshop.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds kubectl (-Dkubectl=, $KUBECTL, or PATH); as root it installs Debian's kubernetes-client when missing. */
final class Kubectl {
    record Result(int exit, String out, String err) {}

    private static String binary;

    private Kubectl() {}

    static synchronized String binary() {
        if (binary != null) return binary;
        String wanted = System.getProperty("kubectl", System.getenv().getOrDefault("KUBECTL", "kubectl"));
        if (works(wanted)) return binary = wanted;
        if (isRoot()) {
            Result install = run(List.of("apt-get", "install", "-y", "-q", "kubernetes-client"));
            if (install.exit() != 0) {
                run(List.of("apt-get", "update", "-q"));
                install = run(List.of("apt-get", "install", "-y", "-q", "kubernetes-client"));
            }
            if (works("kubectl")) return binary = "kubectl";
            throw new IllegalStateException("kubectl is missing and 'apt-get install -y kubernetes-client' failed: " + install.err());
        }
        throw new IllegalStateException("kubectl is missing: install it (Debian: apt-get install -y kubernetes-client, as root) "
                + "or point -Dkubectl=/path/to/kubectl at one; the k8s check renders the overlays with 'kubectl kustomize'.");
    }

    static String kustomize(Path dir) {
        Result r = run(List.of(binary(), "kustomize", dir.toString()));
        if (r.exit() != 0) throw new IllegalStateException("kubectl kustomize " + dir + " failed:\n" + r.err());
        return r.out();
    }

    private static boolean works(String kubectl) {
        return run(List.of(kubectl, "version", "--client")).exit() == 0;
    }

    private static boolean isRoot() {
        Result id = run(List.of("id", "-u"));
        return id.exit() == 0 && id.out().trim().equals("0");
    }

    static Result run(List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Path err = java.nio.file.Files.createTempFile("k8s-check", ".err");
            pb.redirectError(err.toFile());
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out, "timed out: " + command);
            }
            String errText = java.nio.file.Files.readString(err);
            java.nio.file.Files.deleteIfExists(err);
            return new Result(p.exitValue(), out, errText);
        } catch (IOException e) {
            return new Result(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", e.toString());
        }
    }
}
