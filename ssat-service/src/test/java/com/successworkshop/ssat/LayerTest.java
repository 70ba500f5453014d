package com.successworkshop.ssat;

import com.successworkshop.kit.testing.LayerRules;
import org.junit.jupiter.api.Test;

/** rest → application → domain, repository and messaging beside; domain and application know no HTTP and no Kafka. */
class LayerTest {

    @Test
    void noLayerImportsALayerAboveIt() {
        LayerRules.check("com.successworkshop.ssat");
    }
}
