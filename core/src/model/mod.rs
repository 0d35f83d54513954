//! The canonical input model. (Being written.)
