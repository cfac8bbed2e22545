package com.cycube.analytics.readmodel;

import com.cycube.support.live.LiveDocument;
import org.springframework.data.annotation.Id;

/** One shard of an aggregate as a live document: every delta applied to it raises its revision. */
public record AggregateShard(@Id String id, String kind, String organizationId, String key, long revision)
        implements LiveDocument {
}
