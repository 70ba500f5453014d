package com.successworkshop.task.application;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** The six FTOP tasks of this playbook are in the catalog from the first start on. */
@ApplicationScoped
public class CatalogSeeder {

    private static final Logger LOG = Logger.getLogger(CatalogSeeder.class);

    @Inject
    TemplateService templates;

    void onStart(@Observes StartupEvent ev) {
        int added = templates.seed();
        LOG.infof("Task catalog seed: %d template(s) added", added);
    }
}
