package org.covseg.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Sample names for training and for validation; no name is on both sides. */
public record Split(List<String> train, List<String> validation) {

    public Split {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        Set<String> seen = new HashSet<>(train);
        for (String name : validation) {
            if (seen.contains(name)) {
                throw new IllegalArgumentException("sample " + name + " is in both train and validation");
            }
        }
    }
}
