import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Request } from 'express';
import { Model } from 'mongoose';

interface LoginDto {
  name: string;
  password: string;
}

@Controller('users')
export class UsersController {
  constructor(@InjectModel('User') private readonly users: Model<unknown>) {}

  @Post('login')
  async login(@Body() dto: LoginDto) {
    // ruleid: js-nosql-injection
    return this.users.findOne({ name: dto.name, password: dto.password });
  }

  @Get()
  async search(@Query('role') role: string, @Query('limit') limit: string) {
    // ruleid: js-nosql-injection
    const found = await this.users.find({ role });
    // ok: js-nosql-injection
    const capped = await this.users.find({ active: true }).limit(Number(limit));
    return [found, capped];
  }

  @Get(':id')
  async one(@Param('id') id: string) {
    // ok: js-nosql-injection
    return this.users.findOne({ _id: String(id) });
  }

  @Get('raw')
  async raw(@Req() req: Request) {
    // ruleid: js-nosql-injection
    return this.users.countDocuments(req.query as Record<string, unknown>);
  }

  // Not a request parameter.
  async byOwner(owner: string) {
    // ok: js-nosql-injection
    return this.users.find({ owner: 'system' });
  }
}
