"""``{% work_cache "name" %} … {% end_work_cache %}``: see `kyodo.core.work_cache`."""

from django import template
from django.utils.safestring import mark_safe

from kyodo.core import work_cache

register = template.Library()


class WorkCacheNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        request = context.get("request")
        key = work_cache.key_for(request, self.name.resolve(context)) if request else None
        if key is not None:
            body = work_cache.stored(request, key)
            if body is not None:
                return mark_safe(body)
        body = self.nodelist.render(context)
        if key is not None:
            work_cache.store(key, body)
        return body


@register.tag("work_cache")
def do_work_cache(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% work_cache %} takes the body's name only.")
    nodelist = parser.parse(("end_work_cache",))
    parser.delete_first_token()
    return WorkCacheNode(nodelist, parser.compile_filter(bits[1]))
