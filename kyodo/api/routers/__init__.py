"""One module per resource; each exposes `router` (a ninja Router) that api.py mounts.

To add a resource (projects, calls, partners…): create `routers/<name>.py` with `router`,
start its queries from that app's public selector, and add one `api.add_router` line in api.py.
"""
