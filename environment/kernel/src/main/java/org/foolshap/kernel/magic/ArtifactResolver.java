package org.foolshap.kernel.magic;

import java.io.IOException;
import java.util.List;

/** Turns artifact coordinates into jar paths for {@code %maven}. */
public interface ArtifactResolver {
    List<String> resolve(List<String> coordinates) throws IOException, InterruptedException;
}
