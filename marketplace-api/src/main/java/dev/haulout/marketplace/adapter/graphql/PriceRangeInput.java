package dev.haulout.marketplace.adapter.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** Inclusive buy-price bounds in FROST; either may be omitted. */
@Input("PriceRangeInput")
@Description("Inclusive buy-price range in FROST")
public class PriceRangeInput {
  public Long min;
  public Long max;
}
