"""Ship four features through the pipeline."""
FEATURES = 4      # features to ship
MACHINES = 3      # machines in the parallel lane

STEPS = [
    work("write code", 2),
    wait("CI queue", 3),
    work("run tests", 1),
    work("lint", 0.5),
    wait("review", 4),
    work("build", 1.5),
    wait("deploy rollout", 2),
]
