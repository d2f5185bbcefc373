package org.crmgraph.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The CRM graph service. Scans all {@code org.crmgraph} modules so graph-model, import and algorithms contribute their beans. */
@SpringBootApplication(scanBasePackages = "org.crmgraph")
public class CrmGraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrmGraphApplication.class, args);
    }
}
