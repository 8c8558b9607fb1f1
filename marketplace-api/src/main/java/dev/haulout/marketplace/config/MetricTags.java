package dev.haulout.marketplace.config;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /q/metrics} is public (Prometheus scrapes it without a token), so no tag may name the
 * service's internals. Tags that carry a throwable ({@code exception}, {@code error},
 * {@code throwable}, {@code cause}, as Micrometer's {@code @Counted}/{@code @Timed} and several
 * binders add) keep only whether there was one ({@code none} or {@code error}); any other tag value
 * that is a Java class name ({@code a.b.Foo}, {@code SomethingException}) becomes {@code redacted}.
 * The class names stay in the log.
 */
public class MetricTags {
  static final Set<String> THROWABLE_KEYS = Set.of("exception", "error", "throwable", "cause", "exception.class");
  static final Pattern CLASS_NAME = Pattern.compile(
      "(?:[A-Za-z_$][\\w$]*\\.)+[A-Z][\\w$]*|[\\w$]*(?:Exception|Error|Throwable)\\b.*");

  @Produces
  @Singleton
  public MeterFilter noInternalClassNames() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        List<Tag> tags = new ArrayList<>();
        boolean changed = false;
        for (Tag t : id.getTagsAsIterable()) {
          String v = safe(t.getKey(), t.getValue());
          changed |= !v.equals(t.getValue());
          tags.add(Tag.of(t.getKey(), v));
        }
        return changed ? id.replaceTags(tags) : id;
      }
    };
  }

  static String safe(String key, String value) {
    if (THROWABLE_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
      return value == null || value.isEmpty() || "none".equalsIgnoreCase(value) ? "none" : "error";
    }
    return value != null && CLASS_NAME.matcher(value).matches() ? "redacted" : value;
  }
}
