package org.covseg.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.covseg.severity.SeverityReport;

/**
 * The lung and infection found on one axial slice, in the report's unit (mL for a volume's slice, mm² or pixels for
 * a 2-D image).
 *
 * @param index          slice number: k of a volume (inferior to superior) or the image's place in its folder
 * @param name           "slice k" for a volume, the image's base name for 2-D images
 * @param unit           unit of {@code lung} and {@code infected}
 * @param lung           lung amount (lung labels 1 and 2)
 * @param infected       infected amount inside the lungs
 * @param infectedPercent 100 x infected / lung, or null when the slice holds no lung
 * @param groundGlass    ground-glass opacity inside the lungs (infection label 1), or null when the infection has no
 *                       classes (a binary mask)
 * @param consolidation  consolidation inside the lungs (infection label 2), or null likewise
 * @param severity       for a folder of 2-D images, the slice's own (area-based) severity report; otherwise null
 * @param notScored      for a 2-D image that could not be scored, why (e.g. no lung found); otherwise null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SliceResult(int index, String name, String unit, double lung, double infected, Double infectedPercent,
                          Double groundGlass, Double consolidation, SeverityReport severity, String notScored) {
}
