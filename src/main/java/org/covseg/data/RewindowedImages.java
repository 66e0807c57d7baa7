package org.covseg.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.covseg.image.Volume;
import org.covseg.image.Window;

/**
 * A dataset of 8-bit images whose every volume (group) is read re-windowed to a target window: the window each
 * volume was exported with is estimated once, from all its slices ({@link SliceRewindow}), when one of its slices is
 * first read; each volume's note goes to {@code notes} then. A volume whose window cannot be estimated is read as it
 * is.
 */
public final class RewindowedImages {

    private final SliceDataset<Volume> images;
    private final Window target;
    private final Consumer<String> notes;
    private final Map<String, Optional<Window>> exportedByGroup = new HashMap<>();

    private RewindowedImages(SliceDataset<Volume> images, Window target, Consumer<String> notes) {
        this.images = images;
        this.target = target;
        this.notes = notes;
    }

    public static SliceDataset<Volume> of(SliceDataset<Volume> images, Window target, Consumer<String> notes) {
        RewindowedImages rewindowed = new RewindowedImages(images, target, notes);
        List<SliceDataset.Entry<Volume>> entries = new ArrayList<>();
        for (String name : images.names()) {
            String group = images.group(name);
            entries.add(new SliceDataset.Entry<>(name, group, () -> rewindowed.load(name, group)));
        }
        return new SliceDataset<>(images.description() + ", re-windowed", entries);
    }

    private Volume load(String name, String group) {
        Volume slice = images.load(name);
        return exported(group).map(w -> w.rewindow(slice, target)).orElse(slice);
    }

    private synchronized Optional<Window> exported(String group) {
        return exportedByGroup.computeIfAbsent(group, g -> {
            List<Volume> slices = images.names().stream().filter(n -> images.group(n).equals(g))
                    .map(images::load).toList();
            SliceRewindow.Result result = SliceRewindow.apply(slices, target);
            notes.accept(g + ": " + result.note());
            return result.exported();
        });
    }
}
