package com.successworkshop.kit.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=&size=} of every list ({@code @Valid @BeanParam PageRequest paging}): one default and one limit for all
 * of them, and a bad value is a 400 naming {@code page} or {@code size}.
 */
public class PageRequest {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(100_000)
    int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(Params.MAX_PAGE_SIZE)
    int size;

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }
}
