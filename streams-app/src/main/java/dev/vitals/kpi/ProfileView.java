package dev.vitals.kpi;

import dev.vitals.schema.AccountProfile;
import dev.vitals.schema.Segment;
import java.time.Instant;
import java.util.List;

/** The parts of the account's latest profile that scoring, alerts and outputs use. */
public record ProfileView(String name, Segment segment, String csm, String region, List<String> keyFeatures,
    Instant updatedAt) {

  static ProfileView of(AccountProfile profile) {
    return new ProfileView(profile.getName(), profile.getSegment(), profile.getCsm(), profile.getRegion(),
        List.copyOf(profile.getKeyFeatures()), profile.getOccurredAt());
  }
}
