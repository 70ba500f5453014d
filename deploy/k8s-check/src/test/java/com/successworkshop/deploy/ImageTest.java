package com.successworkshop.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Deployments run the images deploy/image/build.sh makes: their name, a pinned tag, and the image's user. */
class ImageTest {
    private static final String SOURCE = "com.successworkshop.deploy.Rendered#overlays";
    private static final Path IMAGE_DIR = Rendered.K8S_DIR.resolveSibling("image");

    /** The user the images run as: APP_UID in build.sh, USER in every Dockerfile.jvm. */
    static long imageUser() {
        try {
            Matcher m = Pattern.compile("(?m)^APP_UID=(\\d+)$").matcher(Files.readString(IMAGE_DIR.resolve("build.sh")));
            assertTrue(m.find(), "APP_UID in deploy/image/build.sh");
            return Long.parseLong(m.group(1));
        } catch (IOException e) {
            throw new AssertionError("deploy/image/build.sh is missing", e);
        }
    }

    @Test
    void dockerfilesRunAsTheImageUser() throws IOException {
        long uid = imageUser();
        Path root = Rendered.K8S_DIR.getParent().getParent();
        for (String service : new String[] {"engagement-service", "ssat-service", "task-service", "resource-catalog-service"}) {
            String dockerfile = Files.readString(root.resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
            assertTrue(dockerfile.contains("\nUSER " + uid + "\n"), service + "/src/main/docker/Dockerfile.jvm: USER " + uid);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void everyServiceRunsItsOwnImageWithAPinnedTag(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (Deployment d : r.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            String image = Pods.container(d).getImage();
            String at = overlay + "/" + name + ": image " + image;
            assertNotNull(image, at);
            assertFalse(image.contains("@"), at + ": tags, not digests, are set by the overlay's images:");
            int colon = image.lastIndexOf(':');
            assertTrue(colon > image.lastIndexOf('/'), at + ": has a tag");
            String repository = image.substring(0, colon);
            String tag = image.substring(colon + 1);
            assertTrue(repository.equals("success-workshop/" + name) || repository.endsWith("/success-workshop/" + name),
                    at + ": repository [registry/]success-workshop/" + name + " (build.sh's IMAGE_GROUP/<service>)");
            assertFalse(tag.isBlank() || tag.equals("latest"), at + ": a pinned tag, not latest");
            assertFalse(tag.endsWith("-dirty"), at + ": not built from uncommitted changes");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void podsRunAsTheImageUser(String overlay) {
        long uid = imageUser();
        Rendered r = Rendered.of(overlay);
        for (Deployment d : r.all(Deployment.class)) {
            String at = overlay + "/" + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertEquals(uid, pod.getSecurityContext().getRunAsUser(), at + ": pod runAsUser is the image's user");
            assertEquals(uid, pod.getSecurityContext().getRunAsGroup(), at + ": pod runAsGroup is the image's group");
            for (Container c : pod.getContainers()) {
                SecurityContext sc = c.getSecurityContext();
                assertEquals(uid, sc.getRunAsUser(), at + "/" + c.getName() + ": container runAsUser");
                assertEquals(uid, sc.getRunAsGroup(), at + "/" + c.getName() + ": container runAsGroup");
            }
        }
    }
}
