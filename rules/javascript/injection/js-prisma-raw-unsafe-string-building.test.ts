import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function find(email: string, id: number, tx: PrismaClient) {
  // ruleid: js-prisma-raw-unsafe-string-building
  await prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE email = '${email}'`);
  // ruleid: js-prisma-raw-unsafe-string-building
  await tx.$executeRawUnsafe('DELETE FROM "Session" WHERE id = ' + id);
  // ruleid: js-prisma-raw-unsafe-string-building
  await this.prisma.$queryRawUnsafe(`UPDATE "User" SET name = '${email}' WHERE id = ${id}`);
  // ok: js-prisma-raw-unsafe-string-building
  await prisma.$queryRawUnsafe('SELECT * FROM "User" WHERE email = $1', email);
  // ok: js-prisma-raw-unsafe-string-building
  await prisma.$queryRaw`SELECT * FROM "User" WHERE email = ${email}`;
  // ok: js-prisma-raw-unsafe-string-building
  await prisma.$queryRawUnsafe(SQL_COUNT_USERS);
}
