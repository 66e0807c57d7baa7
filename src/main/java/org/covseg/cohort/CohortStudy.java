package org.covseg.cohort;

import java.io.Serializable;

/**
 * One study of a cohort.
 *
 * @param id     its name in the cohort: the output folder's name and the table's key
 * @param path   where it is: a local path or any Hadoop file system URI (a NIfTI file, a DICOM or image folder)
 * @param series DICOM series to read, or null for covseg's choice
 */
public record CohortStudy(String id, String path, String series) implements Serializable {
}
