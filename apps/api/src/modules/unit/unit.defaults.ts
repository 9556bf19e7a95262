import { BodyKind } from '@canbo/shared';

export interface BodyTemplate {
  kind: BodyKind;
  name: string;
}

/** "Xã An Biên" -> "xã An Biên": the unit name as it follows a body's name. */
function lowerFirst(name: string): string {
  return name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);
}

/** The bodies every commune-level unit has, in display order (given to new units, editable). */
export function communeBodies(unitName: string): BodyTemplate[] {
  const of = lowerFirst(unitName);
  return [
    { kind: BodyKind.PARTY_COMMITTEE, name: `Đảng ủy ${of}` },
    { kind: BodyKind.PEOPLES_COUNCIL, name: `Hội đồng nhân dân ${of}` },
    { kind: BodyKind.PEOPLES_COMMITTEE, name: `Ủy ban nhân dân ${of}` },
    { kind: BodyKind.FATHERLAND_FRONT, name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${of}` },
    { kind: BodyKind.SOCIO_POLITICAL_ORGANISATION, name: `Đoàn Thanh niên Cộng sản Hồ Chí Minh ${of}` },
    { kind: BodyKind.SOCIO_POLITICAL_ORGANISATION, name: `Hội Liên hiệp Phụ nữ ${of}` },
    { kind: BodyKind.SOCIO_POLITICAL_ORGANISATION, name: `Hội Nông dân ${of}` },
    { kind: BodyKind.SOCIO_POLITICAL_ORGANISATION, name: `Hội Cựu chiến binh ${of}` },
    { kind: BodyKind.PUBLIC_SERVICE_UNIT, name: `Trung tâm Phục vụ hành chính công ${of}` },
    { kind: BodyKind.PUBLIC_SERVICE_UNIT, name: `Trạm Y tế ${of}` },
  ];
}

/** The bodies of a province unit: "Tỉnh X" -> Tỉnh ủy X, HĐND tỉnh X, UBND tỉnh X. */
export function provinceBodies(provinceName: string): BodyTemplate[] {
  const short = provinceName.replace(/^Tỉnh\s+/u, '');
  const of = lowerFirst(provinceName);
  return [
    { kind: BodyKind.PARTY_COMMITTEE, name: `Tỉnh ủy ${short}` },
    { kind: BodyKind.PEOPLES_COUNCIL, name: `Hội đồng nhân dân ${of}` },
    { kind: BodyKind.PEOPLES_COMMITTEE, name: `Ủy ban nhân dân ${of}` },
  ];
}

/** A province agency is one body: the agency's own office. */
export function agencyBodies(agencyName: string): BodyTemplate[] {
  return [{ kind: BodyKind.AGENCY_OFFICE, name: agencyName }];
}
