package com.successworkshop.task;

import com.successworkshop.kit.testing.LayerRules;
import org.junit.jupiter.api.Test;

/** rest → application → domain, adapters beside; domain and application know no HTTP and no Kafka. */
class LayerTest {

    @Test
    void layersImportOnlyDownwards() {
        LayerRules.check("com.successworkshop.task");
    }
}
