/**
 * Self-supervised pre-training by inpainting: the segmentation network sees a CT slice with part of it erased and
 * learns to reconstruct the image (its map heads) and the image's edge map (its edge head); a coach network learns,
 * in alternating rounds, which parts to erase so that the reconstruction is hardest (Singh et al., BMVC 2018). The
 * result initialises supervised training ({@code covseg train --init}).
 */
package org.covseg.pretrain;
