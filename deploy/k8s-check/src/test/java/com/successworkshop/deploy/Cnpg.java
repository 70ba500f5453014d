package com.successworkshop.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.List;
import java.util.Map;

/**
 * The part of CloudNativePG's postgresql.cnpg.io/v1 API these manifests use, field names as in its CRDs (1.25+).
 * No Java model of it is on Maven Central: unknown fields fail here, so a typo or a field outside this
 * subset is caught (add it here after checking the CNPG API reference).
 */
final class Cnpg {
    private Cnpg() {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record ClusterSpec(Integer instances, String imageName, String primaryUpdateStrategy, Storage storage,
                       Bootstrap bootstrap, Managed managed, Postgresql postgresql, ResourceRequirements resources) {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Storage(String size, String storageClass) {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Bootstrap(InitDb initdb) {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record InitDb(String database, String owner, LocalRef secret) {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record LocalRef(String name) {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Managed(List<Role> roles) {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Role(String name, String ensure, Boolean login, Boolean superuser, Boolean createdb, Boolean inherit,
                Integer connectionLimit, String comment, LocalRef passwordSecret, List<String> inRoles) {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Postgresql(Map<String, String> parameters) {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Database(String apiVersion, String kind, ObjectMeta metadata, DatabaseSpec spec) {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record DatabaseSpec(LocalRef cluster, String name, String owner, String ensure, String databaseReclaimPolicy) {}
}
