package dev.vitals.scoring;

/**
 * One line of a score's explanation.
 *
 * @param component the component the factor belongs to
 * @param name stable snake_case name, e.g. {@code license_utilization} (see {@link FactorId#key()})
 * @param points signed contribution to the score against the neutral 50, one decimal; the points of all factors
 *     of an assessment add up to its score minus 50
 * @param detail what was measured, in words, e.g. "license utilisation 18% (6/33 seats)"
 */
public record Factor(Component component, String name, double points, String detail) {}
