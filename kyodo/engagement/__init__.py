"""The promotion measures of the guideline's §5 (協働を推進するために).

Staff civic activity (§5-1), citizen–staff dialogue whose local issues can become projects
(§5-2), trainings with citizen lecturers (§5-4) and partnership agreements (§5-5 連携協定).
"""
