/**
 * The kit's persistence helpers. The {@value PartnerScope#FILTER} filter is defined here once for every service's
 * persistence unit: an entity annotated {@code @Filter(name = PartnerScope.FILTER)} (with a {@code partner_id} column)
 * is seen only by its partner in a request, whatever the query says.
 */
@FilterDef(name = PartnerScope.FILTER, defaultCondition = PartnerScope.CONDITION,
        parameters = @ParamDef(name = PartnerScope.PARAMETER, type = String.class, resolver = PartnerScope.class),
        autoEnabled = true, applyToLoadByKey = true)
package com.successworkshop.kit.persistence;

import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;
