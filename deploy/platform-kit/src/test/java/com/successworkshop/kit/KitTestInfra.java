package com.successworkshop.kit;

import com.successworkshop.kit.testing.ServiceTestInfra;

import java.util.Map;

/** The kit's test app: its own database, outbox topic and input topic per run. */
public class KitTestInfra extends ServiceTestInfra {

    public KitTestInfra() {
        super("kit", "kit-out", Map.of("kit-in", "kit-in", "kit-side", "kit-side"));
    }
}
