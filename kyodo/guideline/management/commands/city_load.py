from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kyodo.guideline.city.schema import CityFileError
from kyodo.guideline.services_city import city_load


class Command(BaseCommand):
    help = "Load a city file (TOML): the municipality, its guideline and checklists."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            raw = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: 読めません / cannot read ({error})") from error
        try:
            report = city_load(actor=None, raw=raw)
        except CityFileError as error:
            raise CommandError(
                f"{file}: 読み込みませんでした（何も変えていません）/ not loaded, nothing "
                f"changed:\n{error}"
            ) from error
        self.stdout.write(f"{report.city}: {file}")
        for line in report.new_versions:
            self.stdout.write(f"  new version / 新しい版: {line}")
        if report.unchanged:
            self.stdout.write(f"  unchanged / 変更なし: {', '.join(report.unchanged)}")
        if report.not_in_file:
            self.stdout.write(
                "  not in the file, kept / ファイルになく残したもの: "
                + ", ".join(report.not_in_file)
            )
