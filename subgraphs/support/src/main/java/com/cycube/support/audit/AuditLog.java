package com.cycube.support.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit records as one JSON object per line to the {@code cycube.audit} logger. This is
 * the single place audit records leave a subgraph; the audit subgraph will consume them later.
 */
public class AuditLog {

    public static final String LOGGER_NAME = "cycube.audit";
    private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);

    private final JsonMapper json = JsonMapper.builder().build();

    public void record(AuditRecord record) {
        log.info(json.writeValueAsString(record));
    }
}
