package com.successworkshop.engagement;

import com.successworkshop.kit.testing.LayerRules;
import org.junit.jupiter.api.Test;

/** rest → application → domain, adapters beside; no HTTP or Kafka type below REST. */
class LayerTest {

    @Test
    void layersImportOnlyWhatIsBelowThem() {
        LayerRules.check("com.successworkshop.engagement");
    }
}
