package com.successworkshop.catalog;

import com.successworkshop.kit.testing.LayerRules;
import org.junit.jupiter.api.Test;

/** rest → application → domain, adapters beside; no upward import, no HTTP or Kafka type below REST. */
class LayerTest {

    @Test
    void layersImportOnlyDownwards() {
        LayerRules.check("com.successworkshop.catalog");
    }
}
