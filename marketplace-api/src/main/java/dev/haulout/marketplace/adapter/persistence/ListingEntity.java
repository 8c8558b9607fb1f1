package dev.haulout.marketplace.adapter.persistence;

import dev.haulout.marketplace.domain.ListingStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of the {@code listing} table (schema: db/migration). Never leaves the persistence adapter. */
@Entity
@Table(name = "listing")
public class ListingEntity {
  @Id
  @Column(name = "id")
  public String id;

  @Column(name = "version")
  public long version;

  @Column(name = "last_event_seq")
  public long lastEventSeq;

  @Column(name = "seller")
  public String seller;

  @Column(name = "title")
  public String title;

  @Column(name = "description")
  public String description;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "tags", columnDefinition = "text[]")
  public String[] tags;

  /** Tags joined by spaces: feeds the generated full-text column (arrays cannot, being non-immutable). */
  @Column(name = "tags_text")
  public String tagsText;

  @Column(name = "license")
  public String license;

  @Column(name = "size_bytes")
  public Long sizeBytes;

  @Column(name = "format")
  public String format;

  @Column(name = "schema_summary")
  public String schemaSummary;

  @Column(name = "preview_ref")
  public String previewRef;

  @Column(name = "buy_price_frost")
  public Long buyPriceFrost;

  @Column(name = "rent_price_per_period_frost")
  public Long rentPricePerPeriodFrost;

  @Column(name = "rent_period_ms")
  public Long rentPeriodMs;

  @Column(name = "fee_bps")
  public int feeBps;

  @Column(name = "blob_id")
  public String blobId;

  @Column(name = "sealed_key_ref")
  public String sealedKeyRef;

  @Enumerated(EnumType.STRING)
  @Column(name = "status")
  public ListingStatus status;

  @Column(name = "created_ms")
  public long createdMs;

  @Column(name = "updated_ms")
  public long updatedMs;
}
