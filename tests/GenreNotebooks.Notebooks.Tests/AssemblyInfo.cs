// Notebook runs change the process's working directory and environment for their duration; tests that observe
// them must not overlap with another run.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
